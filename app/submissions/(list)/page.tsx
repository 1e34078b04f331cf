import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { JobsTable } from "@/components/jobs/jobs-table";
import { AwaitingApprovalList } from "@/components/approvals/awaiting-list";
import { BatchList } from "@/components/submissions/batch-list";
import { awaitingApprovals } from "@/lib/approvals/data";
import Link from "next/link";
import { parseInt64Id } from "@/lib/input/schema";
import { batchPage } from "@/lib/submissions/data";
import { batchView } from "@/lib/submissions/views";
import { JOB_SORTS, listJobs } from "@/lib/jobs/data";
import { jobNames } from "@/lib/jobs/names";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import type { SearchParams } from "@/components/ui/page-props";
import { EmptyState } from "@/components/ui/empty-state";
import { warningBox } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("submissions"))("title") };
}

const paramsSchema = z.object({
  sort: z.enum(JOB_SORTS).catch("last_call"),
  before: z.string().optional().catch(undefined),
});

export default async function SubmissionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("calls:read");
  const { sort, before: rawBefore } = paramsSchema.parse(await searchParams);
  // An id that is not one is said on the page, and the newest batches shown.
  const before = rawBefore === undefined ? undefined : (parseInt64Id(rawBefore) ?? undefined);
  const badBefore = rawBefore !== undefined && before === undefined;
  const [jobs, page, awaiting] = await Promise.all([listJobs(sort), batchPage(before), awaitingApprovals()]);
  const names = await jobNames(jobs.map((j) => j.jobId));
  const t = await getTranslations("submissions");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {awaiting.length ? <AwaitingApprovalList batches={awaiting} /> : null}
      <h2 className="font-semibold">{t("batches")}</h2>
      {badBefore ? (
        <p role="alert" className={warningBox}>
          {t("paging.badBefore")}
        </p>
      ) : null}
      <BatchList initial={page.batches.map(batchView)} before={before === undefined ? null : String(before)} />
      {before !== undefined || page.older ? (
        <nav aria-label={t("batches")} className="flex gap-4 text-sm">
          {before !== undefined ? (
            <Link href="/submissions" className="text-sky-700 hover:underline">
              ← {t("paging.newest")}
            </Link>
          ) : null}
          {page.older ? (
            <Link
              href={`/submissions?before=${page.older}`}
              className="text-sky-700 hover:underline"
              data-testid="older-batches"
            >
              {t("paging.older")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
      <h2 className="font-semibold">{t("byJob")}</h2>
      {jobs.length === 0 ? (
        <EmptyState as="p">{t("noRecords")}</EmptyState>
      ) : (
        <JobsTable
          jobs={jobs}
          sort={sort}
          mode="submission"
          canSubmit={can(user.role, "submissions:write")}
          names={names}
        />
      )}
    </div>
  );
}
