import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { CalibrationComparison } from "@/components/calibration/calibration-comparison";
import { CalibrationScorer } from "@/components/calibration/calibration-scorer";
import { CloseCalibrationSession } from "@/components/calibration/close-session";
import { requirePageRecord } from "@/components/ui/page-record";
import { can } from "@/lib/auth/permissions";
import { calibrationAgreement } from "@/lib/scorecards/agreement";
import { calibrationTranscript, getCalibrationSession } from "@/lib/scorecards/calibration-data";
import type { IdPageProps } from "@/components/ui/page-props";
import { CalibrationClosedNote } from "@/components/calibration/closed-note";
import { BackLink } from "@/components/ui/back-link";
import { MissingParamNotice } from "@/components/ui/missing-param-notice";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("scorecards.calibration"))("title") };
}

/**
 * /review/calibration/<id>[?record=<call id>]: with a record, the reviewer's
 * own scoring of that call (only their answers are read); without, the
 * supervisor's comparison: where the answers differ, item by item, and the
 * agreement rate. A reviewer never sees the others' answers: without a call
 * of theirs, they are sent to their next one. No loading boundary sits above
 * this page, so that redirect and a 404 are answered with their status.
 */
export default async function CalibrationSessionPage({ params, searchParams }: IdPageProps) {
  const { user, record: session } = await requirePageRecord("review:write", params, getCalibrationSession);
  const t = await getTranslations("scorecards.calibration");
  const record = (await searchParams).record;
  const me = user.id.toString();
  const mine = session.assignments.filter((a) => a.reviewerId === me);
  const current = typeof record === "string" ? mine.find((a) => a.callRecordId === record) : undefined;
  const back = (
    <BackLink href="/review/calibration" underline="always">
      {t("back")}
    </BackLink>
  );
  if (current) {
    const i = mine.indexOf(current);
    const next = mine.slice(i + 1).find((a) => !a.submittedAt) ?? mine.find((a, k) => k !== i && !a.submittedAt);
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-xl font-semibold tracking-tight">{t("scoreTitle", { id: current.callRecordId })}</h1>
        <p className="text-sm text-slate-600">
          {session.name} · {session.scorecard} v{session.version}
        </p>
        <CalibrationScorer
          key={current.callRecordId}
          sessionId={session.id}
          callRecordId={current.callRecordId}
          title={`${session.scorecard} v${session.version}`}
          sections={session.sections}
          initial={current.answers ?? {}}
          submitted={current.submittedAt !== null}
          closed={session.closed}
          nextHref={next ? `/review/calibration/${session.id}?record=${next.callRecordId}` : null}
          transcript={await calibrationTranscript(BigInt(current.callRecordId))}
        />
      </div>
    );
  }
  if (!can(user.role, "calibration:manage")) {
    // A reviewer's way into a session is their own calls: the next one to answer (or the first).
    const open = mine.find((a) => !a.submittedAt) ?? mine[0];
    if (open) redirect(`/review/calibration/${session.id}?record=${open.callRecordId}`);
    notFound();
  }
  const agreement = calibrationAgreement(
    session.sections,
    session.assignments.map((a) => ({ recordId: a.callRecordId, reviewerId: a.reviewerId, answers: a.answers })),
  );
  return (
    <div className="max-w-6xl space-y-4">
      {back}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight">{session.name}</h1>
        {session.closed ? (
          <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">
            {t("closedBadge")}
          </span>
        ) : (
          <div className="ml-auto">
            <CloseCalibrationSession sessionId={session.id} name={session.name} />
          </div>
        )}
      </div>
      <p className="text-sm text-slate-600">
        {session.scorecard} v{session.version}
      </p>
      {session.closed ? <CalibrationClosedNote /> : null}
      <MissingParamNotice param="record" value={record} found={false} />
      <CalibrationComparison session={session} agreement={agreement} />
    </div>
  );
}
