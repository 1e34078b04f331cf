import Link from "next/link";
import { useTranslations } from "next-intl";
import { maskName, maskPhone } from "@/lib/privacy/mask";
import type { CallRecordRow } from "@/lib/call-records/data";
import type { Formatter } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";
import { CALL_COLUMNS, type ColumnId } from "./call-columns";
import { PageCheckbox, RowCheckbox } from "./selection";
import { ResultStatusBadge, ReviewState, SubmissionCell } from "./status-badge";

type Translate = ReturnType<typeof useTranslations<"calls.table">>;

function cells(r: CallRecordRow, fmt: Formatter, t: Translate, listQuery: string): Record<ColumnId, { node: React.ReactNode; className?: string }> {
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
          {r.intent_level_tag_id !== null ? <span className="ml-1 text-[11px] text-slate-500">{t("group", { tagId: r.intent_level_tag_id.toString(), code: String(r.intent_level_code) })}</span> : null}
          {r.corrected_intent_tag_id !== null ? (
            <span className="block text-xs text-amber-800" title={t("correctedTitle")}>
              → {r.corrected_intent_name ?? `#${r.corrected_intent_code}`}{" "}
              <span className="text-[11px]">{t("group", { tagId: r.corrected_intent_tag_id.toString(), code: String(r.corrected_intent_code) })}</span>
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
          <ReviewState state={r.review_state} />
          {r.reviewed_by ? <span className="block text-[11px] text-slate-500" data-testid="reviewed-by">{r.reviewed_by}</span> : null}
        </>
      ),
    },
    audio: { node: r.has_audio ? <span role="img" aria-label={t("hasRecording")}>♪</span> : <span role="img" className="text-slate-500" aria-label={t("noRecording")}>–</span> },
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
  const t = useTranslations();
  const tt = useTranslations("calls.table");
  // Columns hidden by the chooser get a data-hide entry on the wrapper (see ColumnChooser).
  const defaultHidden = CALL_COLUMNS.filter((c) => "hiddenByDefault" in c && c.hiddenByDefault).map((c) => c.id).join(" ");
  return (
    <div id="calls-table" data-hide={defaultHidden} className="calls-table overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("calls.table.caption")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {selectable ? <th scope="col" className="px-3 py-2"><PageCheckbox /></th> : null}
            {CALL_COLUMNS.map((c) => (
              <th key={c.id} scope="col" data-col={c.id} className={`px-3 py-2 ${c.id === "duration" ? "text-right" : ""}`}>
                {c.id === "start" ? t("calls.table.start", { timeZone }) : t(`calls.columns.${c.id}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const row = cells(r, fmt, tt, listQuery);
            return (
              <tr key={r.id.toString()} tabIndex={-1} className="hover:bg-slate-50 focus:bg-sky-50 focus:outline-2 focus:outline-sky-600" data-testid="call-row">
                {selectable ? (
                  <td className="px-3 py-2">
                    <RowCheckbox id={r.call_record_id.toString()} label={t("calls.table.selectCall", { id: r.call_record_id.toString() })} />
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
