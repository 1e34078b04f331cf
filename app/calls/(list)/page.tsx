import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { CallsList } from "@/components/calls/calls-list";
import { CallsTablePending } from "@/components/calls/calls-table-view";
import { FilterBar } from "@/components/calls/filter-bar";
import { ColumnChooser } from "@/components/calls/column-chooser";
import { CallsTotal, TotalPending } from "@/components/calls/calls-total";
import { countMatching } from "@/lib/call-records/query/count";
import { facetCounts } from "@/lib/call-records/query/facets";
import { getFormat } from "@/components/ui/get-format";
import { listCallRecords } from "@/lib/call-records/query/data";
import { callFiltersToSearchParams } from "@/lib/call-records/query/filter-params";
import { parseCallFilters } from "@/lib/call-records/query/filters";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { listReviewers } from "@/lib/review/data";
import { jobNames } from "@/lib/jobs/names";
import { ExportUnmasked } from "@/components/calls/export-unmasked";
import type { SearchParams } from "@/components/ui/page-props";
import { secondaryButton } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("calls"))("title") };
}

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  // The signed-in user is checked before any record is read (the header's
  // lookup of the same session is shared: lib/auth/current.ts).
  const user = await requireUser("calls:read");
  const { filters, errors } = parseCallFilters(await searchParams);
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  // The page's first flush (header, title, filter bar) waits for no query
  // but the session the header looks up anyway, so it goes out with the
  // header: the rows and the reviewers stream into their <Suspense> places
  // when their queries return. The facet counts and the total (up to a second
  // on a free-text filter) start after the list, so they do not compete with
  // it, and stream into their own places.
  const list = settledLater(listCallRecords(filters, timeZone));
  const listDone = list.then(
    () => undefined,
    () => undefined,
  );
  const facets = settledLater(listDone.then(() => facetCounts(filters, timeZone)));
  const total = settledLater(listDone.then(() => countMatching(filters, timeZone)));
  const reviewers = settledLater(listReviewers().then((list) => list.map(({ id, name }) => ({ id, name }))));
  const [fmt, t, tr, trules, activeJobs] = await Promise.all([
    getFormat(),
    getTranslations("calls"),
    getTranslations("review"),
    getTranslations("rules"),
    jobNames(filters.job),
  ]);
  const firstPage = callFiltersToSearchParams({ ...filters, cursor: undefined }).toString();
  const canSubmit = can(user.role, "submissions:write");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">
          {t("title")}{" "}
          <Suspense fallback={<TotalPending />}>
            <CallsTotal total={total} />
          </Suspense>
        </h1>
        <div className="flex items-center gap-3">
          <p className="text-xs text-slate-500">{t("masked")}</p>
          <ColumnChooser />
          {can(user.role, "review:write") ? (
            <Link
              href={`/review${firstPage ? `?${firstPage}` : "?review=unreviewed&audio=true"}`}
              className={secondaryButton}
            >
              {tr("reviewThese")}
            </Link>
          ) : null}
          {can(user.role, "rules:write") ? (
            <Link
              href={`/rules/new?${new URLSearchParams({ filter: firstPage }).toString()}`}
              className={secondaryButton}
            >
              {trules("createFromFilter")}
            </Link>
          ) : null}
          <a href={`/api/calls/export${firstPage ? `?${firstPage}` : ""}`} download className={secondaryButton}>
            {t("exportCsv")}
          </a>
          {can(user.role, "calls:export-unmasked") ? (
            <span className="relative">
              <ExportUnmasked filterQuery={firstPage} />
            </span>
          ) : null}
        </div>
      </div>
      {/* Remounted when the URL changes, so back/forward refill the inputs. */}
      <FilterBar
        key={firstPage}
        filters={filters}
        jobNames={filters.job.map((j) => ({ id: j.toString(), name: activeJobs.get(j.toString())?.name ?? null }))}
        facets={facets}
        timeZone={timeZone}
        reviewers={reviewers}
      />
      <Suspense fallback={<CallsTablePending timeZone={timeZone} selectable={canSubmit} />}>
        <CallsList
          list={list}
          errors={errors}
          cursor={filters.cursor}
          firstPage={firstPage}
          next={(cursor) => callFiltersToSearchParams({ ...filters, cursor }).toString()}
          timeZone={timeZone}
          canSubmit={canSubmit}
          matching={settledLater(total.then(({ value, exact }) => fmt.count(value, exact)))}
        />
      </Suspense>
    </div>
  );
}

/**
 * A promise that is awaited later, during streaming: marked as handled now,
 * so that a failure while the rest of the page renders is not reported as an
 * unhandled rejection (it still reaches the error boundary where it is used).
 */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
