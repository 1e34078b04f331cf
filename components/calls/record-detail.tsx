import { useTranslations } from "next-intl";
import type { CallRecordDetail } from "@/lib/call-records/query/data";
import { maskName, maskPhone } from "@/lib/privacy/mask";
import { maskJson, maskText } from "@/lib/privacy/redact";
import { useFormat } from "@/components/ui/use-format";
import { RetryRecordButton } from "@/components/submissions/retry-record-button";
import { RecordingPanel } from "@/components/audio/recording-panel";
import type { TranscriptView } from "@/lib/transcripts/view";
import type { RecordingSource, RecordingStatus } from "@/lib/audio/data";
import { AttemptTimeline } from "./attempt-timeline";
import { RevealContact } from "./reveal-contact";
import { ResultStatusBadge, ReviewState, SubmissionCell } from "./status-badge";
import { RecordVerdict } from "./record-verdict";
import { PlatformIntentNotice } from "./platform-intent-notice";
import type { RecordReview } from "@/lib/review/data";
import { intentText, jobText } from "@/lib/call-records/notation";
import type { IntentValue } from "@/lib/call-records/platform-intent";
import type { ReactNode } from "react";
import { DetailItem } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { BackLink } from "@/components/ui/back-link";

/** `properties` as a table when it is a JSON object, else the raw text. */
function Properties({ raw, parsed }: { raw: string | null; parsed: unknown }) {
  if (raw === null) return <span className="text-slate-500">–</span>;
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    return (
      <table className="text-xs">
        <tbody>
          {Object.entries(parsed as Record<string, unknown>).map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="pr-3 text-left font-mono font-normal text-slate-500">
                {k}
              </th>
              <td className="font-mono">{typeof v === "string" ? v : JSON.stringify(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <pre className="whitespace-pre-wrap font-mono text-xs">{raw}</pre>;
}

/** Rows of a description list with a label and a value each (no wire name). */
function PlainRows({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return rows.map(([label, value]) => (
    <DetailItem key={label} layout="row" label={label}>
      {value}
    </DetailItem>
  ));
}

export function RecordDetail({
  record: r,
  attempts,
  timeZone,
  canSubmit,
  canReveal,
  recording,
  reviewer,
  review,
  reasonLabels = {},
  jobName = null,
  platformIntent,
}: {
  record: CallRecordDetail;
  attempts: Parameters<typeof AttemptTimeline>[0]["attempts"];
  timeZone: string;
  canSubmit: boolean;
  canReveal: boolean;
  recording?: {
    status: RecordingStatus;
    archive: RecordingSource["archive"];
    initialTime: number;
    transcript: TranscriptView | null;
  };
  /** Who gave the current verdict. */
  reviewer?: string | null;
  /** The current verdict's reasons and notes, and the recording's comments. */
  review?: RecordReview;
  reasonLabels?: Record<string, string>;
  jobName?: string | null;
  /** What TOP holds, when a correction made after acceptance has not been sent (else undefined). */
  platformIntent?: IntentValue | null;
}) {
  const fmt = useFormat();
  const t = useTranslations("calls.detail");
  const known = { phone: r.calledPhoneNumber, name: r.name };
  const tCalls = useTranslations("calls");
  const time = (d: Date | null) => (d ? t("inZone", { time: fmt.dateTime(d), timeZone }) : null);
  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <BackLink href={`/calls?job=${r.robotCallJobId}`}>
          {t("job", { id: jobText(r.robotCallJobId, jobName) })}
        </BackLink>
        <h1 className="text-xl font-semibold tracking-tight">
          {tCalls("callTitle", { id: r.callRecordId.toString() })}
        </h1>
        <ResultStatusBadge status={r.resultStatus} />
      </header>

      {recording ? (
        <RecordingPanel
          callRecordId={r.callRecordId.toString()}
          status={recording.status}
          archive={recording.archive}
          initialTime={recording.initialTime}
          transcript={recording.transcript}
        />
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="dto" title={t("record")}>
          <dl className="mt-2">
            <DetailItem layout="row" label={t("callRecordId")} wire="call_record_id">
              <span className="font-mono">{r.callRecordId.toString()}</span>
            </DetailItem>
            <DetailItem layout="row" label={t("robotCallJob")} wire="robot_call_job_id">
              <span className="font-mono">{r.robotCallJobId.toString()}</span>
              {jobName ? (
                <span className="ml-2" data-testid="record-job-name">
                  {jobName}
                </span>
              ) : null}
            </DetailItem>
            <DetailItem layout="row" label={t("callee")} wire="name">
              {maskName(r.name)}
            </DetailItem>
            <DetailItem layout="row" label={t("called")} wire="called_phone_number">
              <span className="font-mono">{maskPhone(r.calledPhoneNumber)}</span>
            </DetailItem>
            {canReveal ? (
              <DetailItem layout="row" label={t("fullContact")}>
                <RevealContact callRecordId={r.callRecordId.toString()} />
              </DetailItem>
            ) : null}
            <DetailItem layout="row" label={t("caller")} wire="phone_number">
              <span className="font-mono">{r.phoneNumber}</span>
            </DetailItem>
            <DetailItem layout="row" label={t("line")} wire="tenant_phone_number_id">
              {r.tenantPhoneNumberId?.toString()}
            </DetailItem>
            <DetailItem layout="row" label={t("result")} wire="result_status">
              <ResultStatusBadge status={r.resultStatus} />
            </DetailItem>
            <DetailItem layout="row" label={t("start")} wire="start_time">
              {time(r.startTime)}
            </DetailItem>
            <DetailItem layout="row" label={t("end")} wire="end_time">
              {time(r.endTime)}
            </DetailItem>
            <DetailItem layout="row" label={t("talkTime")} wire="chat_duration">
              {r.chatDuration === null
                ? null
                : `${fmt.duration(r.chatDuration)} (${fmt.duration(r.chatDuration, "long")})`}
            </DetailItem>
            <DetailItem
              layout="row"
              label={t("intent")}
              wire="intent_level_detail_name (intent_level_tag_id:intent_level_code)"
            >
              {intentText({ tagId: r.intentLevelTagId, code: r.intentLevelCode, name: r.intentLevelDetailName })}
            </DetailItem>
            {r.correctedIntentTagId !== null ? (
              <DetailItem layout="row" label={t("correctedIntent")}>
                <span data-testid="record-corrected-intent">
                  {intentText({
                    tagId: r.correctedIntentTagId,
                    code: r.correctedIntentCode,
                    name: r.correctedIntentName,
                  })}
                </span>
              </DetailItem>
            ) : null}
            {/* Free text from the sender may repeat the number or the name: masked there too. */}
            <DetailItem layout="row" label={t("audioLink")} wire="full_audio_url">
              {r.fullAudioUrl ? <span className="font-mono text-xs">{maskText(r.fullAudioUrl, known)}</span> : null}
            </DetailItem>
            <DetailItem layout="row" label={t("properties")} wire="properties">
              <Properties
                raw={r.properties === null ? null : maskText(r.properties, known)}
                parsed={maskJson(r.propertiesJson, known)}
              />
            </DetailItem>
            <DetailItem layout="row" label={t("rpcContext")} wire="rpc_context">
              {r.rpcContext === null ? null : (
                <code className="font-mono text-xs">{JSON.stringify(maskJson(r.rpcContext, known))}</code>
              )}
            </DetailItem>
          </dl>
        </Panel>

        <section aria-labelledby="state" className="space-y-6">
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="state" className="font-semibold">
              {t("submission")}
            </h2>
            <dl className="mt-2">
              <DetailItem layout="row" label={t("state")}>
                <SubmissionCell
                  state={r.submissionState}
                  code={r.lastResultCode}
                  message={r.lastResultMessage === null ? null : maskText(r.lastResultMessage, known)}
                />
              </DetailItem>
              <PlainRows
                rows={[
                  [t("attempts"), String(r.submissionAttempts)],
                  [t("lastSubmitted"), time(r.lastSubmittedAt)],
                  [t("lastAnswer"), r.lastResultMessage === null ? null : maskText(r.lastResultMessage, known)],
                ]}
              />
            </dl>
            {platformIntent !== undefined && r.correctedIntentTagId !== null ? (
              <PlatformIntentNotice
                sent={platformIntent}
                corrected={{
                  tagId: r.correctedIntentTagId.toString(),
                  code: r.correctedIntentCode,
                  name: r.correctedIntentName,
                }}
              />
            ) : null}
            {canSubmit ? (
              <div className="mt-3">
                <RetryRecordButton
                  callRecordId={r.callRecordId.toString()}
                  disabled={["queued", "in_flight", "retrying"].includes(r.submissionState)}
                />
              </div>
            ) : null}
            <h3 className="mt-4 text-sm font-semibold">{t("attempts")}</h3>
            <div className="mt-2">
              <AttemptTimeline attempts={attempts} />
            </div>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="font-semibold">{t("stored")}</h2>
            <dl className="mt-2">
              <DetailItem layout="row" label={t("review")}>
                <ReviewState state={r.reviewState} />
                {reviewer ? (
                  <span className="text-slate-600">
                    {" "}
                    · {reviewer}
                    {r.reviewedAt ? `, ${time(r.reviewedAt)}` : ""}
                  </span>
                ) : null}
              </DetailItem>
              <PlainRows
                rows={[
                  [t("received"), time(r.receivedAt)],
                  [t("updated"), time(r.updatedAt)],
                  [t("source"), r.source],
                ]}
              />
            </dl>
          </div>
          {review ? (
            <RecordVerdict review={review} reasonLabels={reasonLabels} callRecordId={r.callRecordId.toString()} />
          ) : null}
        </section>
      </div>
    </article>
  );
}
