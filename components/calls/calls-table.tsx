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
}: {
  rows: CallRecordRow[];
  timeZone: string;
  selectable?: boolean;
  /** The list's filter, carried to the record page for previous/next. */
  listQuery?: string;
}) {
  const fmt = useFormat();
  return <CallsTableView rows={rows.map((r) => toCallTableRow(r, fmt))} timeZone={timeZone} selectable={selectable} listQuery={listQuery} />;
}
