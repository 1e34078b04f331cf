import type { CallRecordRow } from "@/lib/call-records/query/data";
import { useFormat } from "@/components/ui/use-format";
import { CallsTableView } from "./calls-table-view";
import { toCallTableRow } from "./table-row";

/** The calls table (/calls, /review): the rows are reduced to what the cells show, masked, before they go to the browser. */
export function CallsTable({
  rows,
  timeZone,
  selectable = false,
  listQuery = "",
  jobNames,
}: {
  rows: CallRecordRow[];
  timeZone: string;
  selectable?: boolean;
  /** The list's filter, carried to the record page for previous/next. */
  listQuery?: string;
  /** Names of the page's jobs (looked up once per page, on the jobs side). */
  jobNames?: ReadonlyMap<string, string | null>;
}) {
  const fmt = useFormat();
  return (
    <CallsTableView
      rows={rows.map((r) => toCallTableRow(r, fmt, jobNames))}
      timeZone={timeZone}
      selectable={selectable}
      listQuery={listQuery}
    />
  );
}
