import Link from "next/link";
import { maskName, maskPhone } from "@/lib/privacy/mask";
import type { CallRecordRow } from "@/lib/call-records/data";
import { formatDateTime } from "@/components/ui/format";
import { PageCheckbox, RowCheckbox } from "./selection";
import { ResultStatusBadge, SubmissionCell } from "./status-badge";

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "–";
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export function CallsTable({ rows, timeZone, selectable = false, listQuery = "" }: { rows: CallRecordRow[]; timeZone: string; selectable?: boolean; /** The list's filter, carried to the record page for previous/next. */ listQuery?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Call records</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {selectable ? <th scope="col" className="px-3 py-2"><PageCheckbox /></th> : null}
            <th scope="col" className="px-3 py-2">Start ({timeZone})</th>
            <th scope="col" className="px-3 py-2">Job</th>
            <th scope="col" className="px-3 py-2">Callee</th>
            <th scope="col" className="px-3 py-2">Called number</th>
            <th scope="col" className="px-3 py-2">Result</th>
            <th scope="col" className="px-3 py-2">Intent</th>
            <th scope="col" className="px-3 py-2 text-right">Duration</th>
            <th scope="col" className="px-3 py-2">Submission</th>
            <th scope="col" className="px-3 py-2">Review</th>
            <th scope="col" className="px-3 py-2">Audio</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id.toString()} tabIndex={-1} className="hover:bg-slate-50 focus:bg-sky-50 focus:outline-2 focus:outline-sky-600" data-testid="call-row">
              {selectable ? (
                <td className="px-3 py-2">
                  <RowCheckbox id={r.call_record_id.toString()} label={`Select call ${r.call_record_id}`} />
                </td>
              ) : null}
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                <Link href={`/calls/${r.call_record_id}${listQuery ? `?${listQuery}` : ""}`} className="text-sky-700 hover:underline">
                  {r.start_time ? formatDateTime(r.start_time, timeZone) : `#${r.call_record_id}`}
                </Link>
              </td>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                <Link href={`/calls?job=${r.robot_call_job_id}`} className="hover:underline">{r.robot_call_job_id.toString()}</Link>
              </td>
              <td className="whitespace-nowrap px-3 py-2">{maskName(r.name) ?? "–"}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{maskPhone(r.called_phone_number) ?? "–"}</td>
              <td className="px-3 py-2"><ResultStatusBadge status={r.result_status} /></td>
              <td className="px-3 py-2">
                {r.intent_level_detail_name ?? (r.intent_level_code !== null ? `#${r.intent_level_code}` : "–")}
                {r.intent_level_tag_id !== null ? (
                  <span className="ml-1 text-[11px] text-slate-500">group {r.intent_level_tag_id.toString()}·{r.intent_level_code}</span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDuration(r.chat_duration)}</td>
              <td className="whitespace-nowrap px-3 py-2"><SubmissionCell state={r.submission_state} code={r.last_result_code} message={r.last_result_message} /></td>
              <td className="px-3 py-2 capitalize">{r.review_state}</td>
              <td className="px-3 py-2">{r.has_audio ? <span aria-label="has recording">♪</span> : <span className="text-slate-500" aria-label="no recording">–</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
