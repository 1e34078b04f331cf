import Link from "next/link";
import type { CallRecordDetail } from "@/lib/call-records/data";
import { maskName, maskPhone } from "@/lib/privacy/mask";
import { useFormat } from "@/components/ui/use-format";
import { RetryRecordButton } from "@/components/submissions/retry-record-button";
import { RecordingPanel } from "@/components/audio/recording-panel";
import type { RecordingSource, RecordingStatus } from "@/lib/audio/data";
import { AttemptTimeline } from "./attempt-timeline";
import { RevealContact } from "./reveal-contact";
import { ResultStatusBadge, SubmissionCell } from "./status-badge";

function Field({ label, wire, children }: { label: string; wire?: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-3 border-b border-slate-100 py-2 text-sm last:border-0">
      <dt className="text-slate-500">
        {label}
        {wire ? <span className="block font-mono text-[11px] text-slate-500">{wire}</span> : null}
      </dt>
      <dd className="min-w-0 break-words">{children ?? <span className="text-slate-500">–</span>}</dd>
    </div>
  );
}

/** `properties` as a table when it is a JSON object, else the raw text. */
function Properties({ raw, parsed }: { raw: string | null; parsed: unknown }) {
  if (raw === null) return <span className="text-slate-500">–</span>;
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    return (
      <table className="text-xs">
        <tbody>
          {Object.entries(parsed as Record<string, unknown>).map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="pr-3 text-left font-mono font-normal text-slate-500">{k}</th>
              <td className="font-mono">{typeof v === "string" ? v : JSON.stringify(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <pre className="whitespace-pre-wrap font-mono text-xs">{raw}</pre>;
}

export function RecordDetail({
  record: r,
  attempts,
  timeZone,
  canSubmit,
  canReveal,
  recording,
  reviewer,
}: {
  record: CallRecordDetail;
  attempts: Parameters<typeof AttemptTimeline>[0]["attempts"];
  timeZone: string;
  canSubmit: boolean;
  canReveal: boolean;
  recording?: { status: RecordingStatus; archive: RecordingSource["archive"]; initialTime: number };
  /** Who gave the current verdict. */
  reviewer?: string | null;
}) {
  const fmt = useFormat();
  const time = (d: Date | null) => (d ? `${fmt.dateTime(d)} (${timeZone})` : null);
  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <Link href={`/calls?job=${r.robotCallJobId}`} className="text-sm text-sky-700 hover:underline">← Job {r.robotCallJobId.toString()}</Link>
        <h1 className="text-xl font-semibold tracking-tight">Call {r.callRecordId.toString()}</h1>
        <ResultStatusBadge status={r.resultStatus} />
      </header>

      {recording ? <RecordingPanel callRecordId={r.callRecordId.toString()} status={recording.status} archive={recording.archive} initialTime={recording.initialTime} /> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="dto" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="dto" className="font-semibold">Call record</h2>
          <dl className="mt-2">
            <Field label="Call record id" wire="call_record_id"><span className="font-mono">{r.callRecordId.toString()}</span></Field>
            <Field label="Robot call job" wire="robot_call_job_id"><span className="font-mono">{r.robotCallJobId.toString()}</span></Field>
            <Field label="Callee" wire="name">{maskName(r.name)}</Field>
            <Field label="Called number" wire="called_phone_number"><span className="font-mono">{maskPhone(r.calledPhoneNumber)}</span></Field>
            {canReveal ? <Field label="Full number and name"><RevealContact callRecordId={r.callRecordId.toString()} /></Field> : null}
            <Field label="Caller number" wire="phone_number"><span className="font-mono">{r.phoneNumber}</span></Field>
            <Field label="Line" wire="tenant_phone_number_id">{r.tenantPhoneNumberId?.toString()}</Field>
            <Field label="Result" wire="result_status">{r.resultStatus}</Field>
            <Field label="Start" wire="start_time">{time(r.startTime)}</Field>
            <Field label="End" wire="end_time">{time(r.endTime)}</Field>
            <Field label="Talk time" wire="chat_duration">{r.chatDuration === null ? null : `${fmt.duration(r.chatDuration)} (${r.chatDuration} s)`}</Field>
            <Field label="Intent" wire="intent_level_detail_name">{r.intentLevelDetailName}</Field>
            <Field label="Intent tag group" wire="intent_level_tag_id">{r.intentLevelTagId?.toString()}</Field>
            <Field label="Intent code" wire="intent_level_code">{r.intentLevelCode?.toString()}</Field>
            {r.correctedIntentTagId !== null ? (
              <Field label="Corrected intent (sent to TOP)">
                <span data-testid="record-corrected-intent">
                  {r.correctedIntentName ?? `#${r.correctedIntentCode}`} (group {r.correctedIntentTagId.toString()} · {r.correctedIntentCode})
                </span>
              </Field>
            ) : null}
            <Field label="Recording link" wire="full_audio_url">{r.fullAudioUrl ? <span className="font-mono text-xs">{r.fullAudioUrl}</span> : null}</Field>
            <Field label="Properties" wire="properties"><Properties raw={r.properties} parsed={r.propertiesJson} /></Field>
            <Field label="RPC context" wire="rpc_context">{r.rpcContext === null ? null : <code className="font-mono text-xs">{JSON.stringify(r.rpcContext)}</code>}</Field>
          </dl>
        </section>

        <section aria-labelledby="state" className="space-y-6">
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="state" className="font-semibold">Submission to TOP</h2>
            <dl className="mt-2">
              <Field label="State"><SubmissionCell state={r.submissionState} code={r.lastResultCode} message={r.lastResultMessage} /></Field>
              <Field label="Attempts">{String(r.submissionAttempts)}</Field>
              <Field label="Last submitted">{time(r.lastSubmittedAt)}</Field>
              <Field label="Last answer">{r.lastResultMessage}</Field>
            </dl>
            {canSubmit ? (
              <div className="mt-3">
                <RetryRecordButton callRecordId={r.callRecordId.toString()} disabled={["queued", "in_flight", "retrying"].includes(r.submissionState)} />
              </div>
            ) : null}
            <h3 className="mt-4 text-sm font-semibold">Attempts</h3>
            <div className="mt-2">
              <AttemptTimeline attempts={attempts} />
            </div>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="font-semibold">Record</h2>
            <dl className="mt-2">
              <Field label="Review">
                <span className="capitalize">{r.reviewState}</span>
                {reviewer ? <span className="text-slate-600"> · {reviewer}{r.reviewedAt ? `, ${time(r.reviewedAt)}` : ""}</span> : null}
              </Field>
              <Field label="Received">{time(r.receivedAt)}</Field>
              <Field label="Last changed">{time(r.updatedAt)}</Field>
              <Field label="Source">{r.source}</Field>
            </dl>
          </div>
        </section>
      </div>
    </article>
  );
}
