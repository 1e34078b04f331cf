import Link from "next/link";
import { maskName, maskPhone } from "@/lib/privacy/mask";
import type { CallRecordRow } from "@/lib/call-records/data";
import type { Formatter } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";
import { PageCheckbox, RowCheckbox } from "./selection";
import { ResultStatusBadge, SubmissionCell } from "./status-badge";

/** The table's columns; `optional` ones can be hidden with the column chooser. */
export const CALL_COLUMNS = [
  { id: "start", label: "Start" },
  { id: "job", label: "Job", optional: true },
  { id: "callee", label: "Callee", optional: true },
  { id: "called", label: "Called number", optional: true },
  { id: "caller", label: "Caller number", optional: true, hiddenByDefault: true },
  { id: "line", label: "Line", optional: true, hiddenByDefault: true },
  { id: "result", label: "Result", optional: true },
  { id: "intent", label: "Intent", optional: true },
  { id: "duration", label: "Duration", optional: true },
  { id: "submission", label: "Submission", optional: true },
  { id: "review", label: "Review", optional: true },
  { id: "audio", label: "Audio", optional: true },
] as const;

type ColumnId = (typeof CALL_COLUMNS)[number]["id"];

function cells(r: CallRecordRow, fmt: Formatter, listQuery: string): Record<ColumnId, { node: React.ReactNode; className?: string }> {
  return {
    start: {
      className: "whitespace-nowrap tabular-nums",
      node: (
        <Link href={`/calls/${r.call_record_id}${listQuery ? `?${listQuery}` : ""}`} className="text-sky-700 hover:underline">
          {r.start_time ? fmt.dateTime(r.start_time) : `#${r.call_record_id}`}
        </Link>
      ),
    },
    job: { className: "whitespace-nowrap font-mono text-xs", node: <Link href={`/calls?job=${r.robot_call_job_id}`} className="hover:underline">{r.robot_call_job_id.toString()}</Link> },
    callee: { className: "whitespace-nowrap", node: maskName(r.name) ?? "–" },
    called: { className: "whitespace-nowrap font-mono text-xs", node: maskPhone(r.called_phone_number) ?? "–" },
    caller: { className: "whitespace-nowrap font-mono text-xs", node: r.phone_number ?? "–" },
    line: { className: "whitespace-nowrap font-mono text-xs", node: r.tenant_phone_number_id?.toString() ?? "–" },
    result: { node: <ResultStatusBadge status={r.result_status} /> },
    intent: {
      node: (
        <>
          {r.intent_level_detail_name ?? (r.intent_level_code !== null ? `#${r.intent_level_code}` : "–")}
          {r.intent_level_tag_id !== null ? <span className="ml-1 text-[11px] text-slate-500">group {r.intent_level_tag_id.toString()}·{r.intent_level_code}</span> : null}
          {r.corrected_intent_tag_id !== null ? (
            <span className="block text-xs text-amber-800" title="corrected by a reviewer (sent to TOP instead)">
              → {r.corrected_intent_name ?? `#${r.corrected_intent_code}`}{" "}
              <span className="text-[11px]">group {r.corrected_intent_tag_id.toString()}·{r.corrected_intent_code}</span>
            </span>
          ) : null}
        </>
      ),
    },
    duration: { className: "text-right tabular-nums", node: fmt.duration(r.chat_duration) },
    submission: { className: "whitespace-nowrap", node: <SubmissionCell state={r.submission_state} code={r.last_result_code} message={r.last_result_message} /> },
    review: {
      className: "whitespace-nowrap",
      node: (
        <>
          <span className="capitalize">{r.review_state}</span>
          {r.reviewed_by ? <span className="block text-[11px] text-slate-500" data-testid="reviewed-by">{r.reviewed_by}</span> : null}
        </>
      ),
    },
    audio: { node: r.has_audio ? <span aria-label="has recording">♪</span> : <span className="text-slate-500" aria-label="no recording">–</span> },
  };
}

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
  // Columns hidden by the chooser get a data-hide entry on the wrapper (see ColumnChooser).
  const defaultHidden = CALL_COLUMNS.filter((c) => "hiddenByDefault" in c && c.hiddenByDefault).map((c) => c.id).join(" ");
  return (
    <div id="calls-table" data-hide={defaultHidden} className="calls-table overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Call records</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {selectable ? <th scope="col" className="px-3 py-2"><PageCheckbox /></th> : null}
            {CALL_COLUMNS.map((c) => (
              <th key={c.id} scope="col" data-col={c.id} className={`px-3 py-2 ${c.id === "duration" ? "text-right" : ""}`}>
                {c.id === "start" ? `Start (${timeZone})` : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const row = cells(r, fmt, listQuery);
            return (
              <tr key={r.id.toString()} tabIndex={-1} className="hover:bg-slate-50 focus:bg-sky-50 focus:outline-2 focus:outline-sky-600" data-testid="call-row">
                {selectable ? (
                  <td className="px-3 py-2">
                    <RowCheckbox id={r.call_record_id.toString()} label={`Select call ${r.call_record_id}`} />
                  </td>
                ) : null}
                {CALL_COLUMNS.map((c) => (
                  <td key={c.id} data-col={c.id} className={`px-3 py-2 ${row[c.id].className ?? ""}`}>
                    {row[c.id].node}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
