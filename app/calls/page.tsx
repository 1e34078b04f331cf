import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { CallsTable } from "@/components/calls/calls-table";
import { FilterBar } from "@/components/calls/filter-bar";
import { ColumnChooser } from "@/components/calls/column-chooser";
import { CallsTotal, TotalPending } from "@/components/calls/calls-total";
import { FilterErrors } from "@/components/calls/filter-errors";
import { TableKeys } from "@/components/calls/table-keys";
import { countMatching } from "@/lib/call-records/count";
import { facetCounts } from "@/lib/call-records/facets";
import { getFormat } from "@/components/ui/get-format";
import { CallsSelection, SelectionBar } from "@/components/calls/selection";
import { listCallRecords } from "@/lib/call-records/data";
import { callFiltersToSearchParams, parseCallFilters } from "@/lib/call-records/filters";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { listReviewers } from "@/lib/review/data";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("calls"))("title") };
}

export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const fmt = await getFormat();
  const t = await getTranslations("calls");
  const tr = await getTranslations("review");
  const user = await requireUser("calls:read");
  const { filters, errors } = parseCallFilters(await searchParams);
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  // The rows are what the page is for (and its largest paint): they are
  // queried first, alone with the cheap reviewer list, and sent as soon as
  // they are in. The facet counts and the total (up to a second on a free-text
  // filter) start after them and stream into their <Suspense> places.
  const [page, reviewers] = await Promise.all([listCallRecords(filters, timeZone), listReviewers()]);
  const facets = settledLater(facetCounts(filters, timeZone));
  const total = settledLater(countMatching(filters, timeZone));
  const firstPage = callFiltersToSearchParams({ ...filters, cursor: undefined }).toString();
  const next = page.nextCursor ? callFiltersToSearchParams({ ...filters, cursor: page.nextCursor }).toString() : null;

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
            <Link href={`/review${firstPage ? `?${firstPage}` : "?review=unreviewed&audio=true"}`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
              {tr("reviewThese")}
            </Link>
          ) : null}
          <a href={`/api/calls/export${firstPage ? `?${firstPage}` : ""}`} download className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
            {t("exportCsv")}
          </a>
        </div>
      </div>
      {/* Remounted when the URL changes, so back/forward refill the inputs. */}
      <FilterBar key={firstPage} filters={filters} facets={facets} timeZone={timeZone} reviewers={reviewers.map(({ id, name }) => ({ id, name }))} />
      <FilterErrors errors={errors} cursorInvalid={page.cursorInvalid} />
      {page.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {t("empty")} <Link href="/calls" className="font-medium text-sky-700 hover:underline">{t("clearFilters")}</Link>
        </div>
      ) : (
        <CallsSelection pageIds={page.rows.map((r) => r.call_record_id.toString())}>
          <Suspense fallback={null}>
            <SelectionBar filterQuery={firstPage} canSubmit={can(user.role, "submissions:write")} matching={total.then(({ value, exact }) => fmt.count(value, exact))} />
          </Suspense>
          <CallsTable rows={page.rows} timeZone={timeZone} selectable={can(user.role, "submissions:write")} listQuery={firstPage} />
        </CallsSelection>
      )}
      <TableKeys />
      <nav aria-label={t("pagination")} className="flex items-center justify-between text-sm">
        {filters.cursor ? (
          <Link href={`/calls${firstPage ? `?${firstPage}` : ""}`} className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
            {t("firstPage")}
          </Link>
        ) : <span />}
        {next ? (
          <Link href={`/calls?${next}`} rel="next" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
            {t("nextPage")}
          </Link>
        ) : null}
      </nav>
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
