import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JobsTable } from "@/components/jobs/jobs-table";
import { EmptyState } from "@/components/ui/empty-state";
import { getFormat } from "@/components/ui/get-format";
import { jobMixes, listJobsPage } from "@/lib/jobs/data";
import { jobsHref, parseJobsParams } from "@/lib/jobs/params";
import { jobNames } from "@/lib/jobs/names";
import { requireUser } from "@/lib/auth/current";
import type { SearchParams } from "@/components/ui/page-props";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("jobs"))("title") };
}

const pageLink =
  "rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600";
const pageLinkOff = "rounded border border-slate-200 px-3 py-1 text-sm text-slate-400";

export default async function JobsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser("calls:read");
  const { sort, after, before } = parseJobsParams(await searchParams);
  const page = await listJobsPage({ sort, after, before });
  const [mixes, names] = await Promise.all([
    jobMixes(page.jobs.map((j) => j.jobId)),
    jobNames(page.jobs.map((j) => j.jobId)),
  ]);
  const t = await getTranslations("jobs");
  const fmt = await getFormat();
  const nav = (
    <nav aria-label={t("pages.label")} className="flex flex-wrap items-center gap-2">
      {page.prev ? (
        <>
          <Link href={jobsHref(sort)} className={pageLink}>
            {t("pages.first")}
          </Link>
          <Link href={jobsHref(sort, { before: page.prev })} rel="prev" className={pageLink}>
            {t("pages.previous")}
          </Link>
        </>
      ) : (
        <>
          <span aria-disabled="true" className={pageLinkOff}>
            {t("pages.first")}
          </span>
          <span aria-disabled="true" className={pageLinkOff}>
            {t("pages.previous")}
          </span>
        </>
      )}
      {page.next ? (
        <Link href={jobsHref(sort, { after: page.next })} rel="next" className={pageLink}>
          {t("pages.next")}
        </Link>
      ) : (
        <span aria-disabled="true" className={pageLinkOff}>
          {t("pages.next")}
        </span>
      )}
    </nav>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        {page.total > 0 ? (
          <p className="text-sm text-slate-600" data-testid="jobs-range" aria-live="polite">
            {page.jobs.length > 0
              ? t("pages.range", {
                  from: fmt.count(page.offset + 1),
                  to: fmt.count(page.offset + page.jobs.length),
                  total: fmt.count(page.total),
                })
              : t("pages.count", { total: fmt.count(page.total) })}
          </p>
        ) : null}
      </div>
      {page.total === 0 ? (
        <EmptyState as="p">{t("empty")}</EmptyState>
      ) : page.jobs.length === 0 ? (
        <EmptyState as="p">
          {t("pages.none")}{" "}
          <Link href={jobsHref(sort)} className="text-sky-700 hover:underline">
            {t("pages.first")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <JobsTable jobs={page.jobs} sort={sort} mode="overview" mixes={mixes} names={names} />
          {page.prev || page.next ? nav : null}
        </>
      )}
    </div>
  );
}
