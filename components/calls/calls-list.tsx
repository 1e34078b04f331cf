import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import type { CallRecordPage } from "@/lib/call-records/query/data";
import type { ParsedFilters } from "@/lib/call-records/query/filters";
import { CallsTable } from "./calls-table";
import { FilterErrors } from "./filter-errors";
import { CallsSelection, SelectionBar } from "./selection";
import { TableKeys } from "./table-keys";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { getFormat } from "@/components/ui/get-format";
import { jobNames } from "@/lib/jobs/names";

/**
 * The rows of /calls and the links to the next page: streamed after the
 * page's header and filter bar, which do not wait for the list query.
 */
export async function CallsList({
  list,
  errors,
  cursor,
  firstPage,
  next,
  timeZone,
  canSubmit,
  matching,
}: {
  list: Promise<CallRecordPage>;
  errors: ParsedFilters["errors"];
  /** The cursor this page was asked for (a "first page" link is shown when there is one). */
  cursor: string | undefined;
  /** The filter without the cursor, as URL parameters. */
  firstPage: string;
  /** The URL parameters of the next page, given its cursor. */
  next: (cursor: string) => string;
  timeZone: string;
  canSubmit: boolean;
  matching: Promise<string>;
}) {
  const [page, t, tp, fmt] = await Promise.all([
    list,
    getTranslations("calls"),
    getTranslations("views.paging"),
    getFormat(),
  ]);
  const names = await jobNames(page.rows.map((r) => r.robot_call_job_id));
  const nameMap = new Map([...names].map(([id, n]) => [id, n.name]));
  return (
    <>
      <FilterErrors errors={errors} cursorInvalid={page.cursorInvalid} />
      {page.rows.length === 0 ? (
        <EmptyState>
          {t("empty")}{" "}
          <Link href="/calls" className="font-medium text-sky-700 hover:underline">
            {t("clearFilters")}
          </Link>
        </EmptyState>
      ) : (
        <CallsSelection pageIds={page.rows.map((r) => r.call_record_id.toString())}>
          <Suspense fallback={null}>
            <SelectionBar filterQuery={firstPage} canSubmit={canSubmit} matching={matching} />
          </Suspense>
          <CallsTable
            rows={page.rows}
            timeZone={timeZone}
            selectable={canSubmit}
            listQuery={firstPage}
            jobNames={nameMap}
          />
        </CallsSelection>
      )}
      <TableKeys />
      <KeysetPager
        label={t("pagination")}
        first={cursor ? `/calls${firstPage ? `?${firstPage}` : ""}` : null}
        previous={page.prevCursor ? `/calls?${next(page.prevCursor)}` : null}
        next={page.nextCursor ? `/calls?${next(page.nextCursor)}` : null}
        position={
          page.offset !== null && page.rows.length > 0
            ? tp("position", { from: fmt.count(page.offset + 1), to: fmt.count(page.offset + page.rows.length) })
            : null
        }
      />
    </>
  );
}
