import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RecordDetail } from "@/components/calls/record-detail";
import { RecordPager } from "@/components/calls/record-pager";
import { LegalHoldControl } from "@/components/legal-holds/hold-control";
import { holdOf } from "@/lib/legal-holds/data";
import { DownloadEvidence } from "@/components/evidence/download-evidence";
import { getCallRecordDetail, neighbours } from "@/lib/call-records/query/data";
import { getRecordingSource, recordingStatus } from "@/lib/audio/data";
import { userName } from "@/lib/users/data";
import { callFiltersToSearchParams } from "@/lib/call-records/query/filter-params";
import { parseCallFilters } from "@/lib/call-records/query/filters";
import { parseInt64 } from "@/lib/call-records/schema";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { recordAttempts } from "@/lib/submissions/data";
import { CorrectionPanel } from "@/components/corrections/correction-panel";
import { payloadsOf } from "@/lib/corrections/data";
import { payloadView } from "@/lib/corrections/views";
import { getRecordReview, reasonLabels } from "@/lib/review/data";
import { getJobName } from "@/lib/jobs/names";
import { correctionNotOnPlatform, platformIntent } from "@/lib/call-records/platform-intent";
import { ComplianceFindings } from "@/components/compliance/findings";
import { recordFindings } from "@/lib/compliance/data";
import { maskPhone } from "@/lib/privacy/mask";
import { phraseFindingsOf, transcriptOf } from "@/lib/transcripts/data";
import { buildTranscriptView } from "@/lib/transcripts/view";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: (await getTranslations("calls"))("callTitle", { id: (await params).id }) };
}

export default async function CallRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("calls:read");
  const { id } = await params;
  const parsed = parseInt64(id);
  if (!parsed.ok) notFound();
  const record = await getCallRecordDetail(parsed.value);
  if (!record) notFound();
  const { filters } = parseCallFilters((await searchParams) ?? {});
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  const [attempts, around, source, reviewer, review, labels, job, payloads, findings, utterances, phrases] =
    await Promise.all([
      recordAttempts(record),
      neighbours(record, filters, timeZone),
      getRecordingSource(record.callRecordId),
      record.reviewedById === null ? null : userName(record.reviewedById),
      getRecordReview(record.id, record.reviewState),
      reasonLabels(),
      getJobName(record.robotCallJobId),
      payloadsOf([record.id]),
      recordFindings(record.id),
      transcriptOf(record.id),
      phraseFindingsOf(record.id),
    ]);
  const payload = payloads.get(record.id);
  const onPlatform = platformIntent(attempts);
  const stale = correctionNotOnPlatform(
    record.submissionState,
    { tagId: record.correctedIntentTagId, code: record.correctedIntentCode },
    onPlatform,
  );
  const hold = can(user.role, "holds:read") ? await holdOf(record.id) : null;
  const t = Number((await searchParams)?.t);
  const listQuery = callFiltersToSearchParams({ ...filters, cursor: undefined }).toString();
  return (
    <>
      <RecordPager previous={around.previous} next={around.next} listQuery={listQuery} />
      {can(user.role, "evidence:export") ? (
        <div className="mb-3 flex justify-end">
          <DownloadEvidence action={`/api/calls/${record.callRecordId}/evidence`} />
        </div>
      ) : null}
      <RecordDetail
        record={record}
        attempts={attempts}
        timeZone={timeZone}
        canSubmit={can(user.role, "submissions:write")}
        canReveal={can(user.role, "pii:reveal")}
        recording={
          // A transcript shows without a recording too (its lines then do not play).
          source || utterances
            ? {
                status: source ? recordingStatus(source) : "none",
                archive: source?.archive ?? null,
                initialTime: Number.isFinite(t) && t > 0 ? t : 0,
                transcript: buildTranscriptView(utterances, phrases, {
                  phone: record.calledPhoneNumber,
                  name: record.name,
                }),
              }
            : undefined
        }
        reviewer={reviewer}
        review={review}
        reasonLabels={labels}
        jobName={job?.name ?? null}
        platformIntent={stale ? onPlatform : undefined}
      />
      {payload ? <CorrectionPanel initial={payloadView(payload)} canCorrect={can(user.role, "calls:correct")} /> : null}
      {can(user.role, "holds:read") ? (
        <div className="mt-4">
          <LegalHoldControl
            callRecordId={record.callRecordId.toString()}
            hold={hold ? { reason: hold.reason, setByEmail: hold.setByEmail, setAt: hold.setAt.toISOString() } : null}
            canWrite={can(user.role, "holds:write")}
          />
        </div>
      ) : null}
      <ComplianceFindings findings={findings} maskedNumber={maskPhone(record.calledPhoneNumber)} />
    </>
  );
}
