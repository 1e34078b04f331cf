import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CalibrationForm } from "@/components/calibration/calibration-form";
import { CalibrationSessionsTable } from "@/components/calibration/sessions-table";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import {
  calibrationAssignmentsOf,
  calibrationReviewerOptions,
  listCalibrationSessions,
} from "@/lib/scorecards/calibration-data";
import { latestVersions } from "@/lib/scorecards/data";
import { TitledSection } from "@/components/ui/titled-section";
import { EmptyOr } from "@/components/ui/empty-or";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("scorecards.calibration"))("title") };
}

/**
 * /review/calibration: a reviewer's calibration calls; for supervisors, the
 * sessions (with how far along they are) and the form for a new one.
 */
export default async function CalibrationPage() {
  const user = await requireUser("review:write");
  const manage = can(user.role, "calibration:manage");
  const [t, mine, sessions, versions, reviewers] = await Promise.all([
    getTranslations("scorecards.calibration"),
    calibrationAssignmentsOf(user.id),
    manage ? listCalibrationSessions() : [],
    manage ? latestVersions() : [],
    manage ? calibrationReviewerOptions() : [],
  ]);
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <TitledSection id="calibration-mine" title={t("mine")} className="space-y-2">
        <EmptyOr empty={mine.length === 0} text={t("noneMine")}>
          <ul
            className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm"
            data-testid="calibration-mine"
          >
            {mine.map((a) => (
              <li key={`${a.sessionId}:${a.callRecordId}`} className="flex items-center gap-3 px-3 py-2">
                <Link
                  href={`/review/calibration/${a.sessionId}?record=${a.callRecordId}`}
                  className="font-mono text-sky-700 underline"
                  aria-label={t("open", { id: a.callRecordId })}
                >
                  {a.callRecordId}
                </Link>
                <span>{a.session}</span>
                <span className={`ml-auto text-xs ${a.submitted ? "text-emerald-800" : "text-amber-800"}`}>
                  {a.submitted ? t("submitted") : t("pending")}
                  {a.score !== null ? ` · ${t("score")} ${a.score}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </EmptyOr>
      </TitledSection>
      {manage ? (
        <>
          <TitledSection id="calibration-sessions" title={t("sessions")} className="space-y-2">
            <EmptyOr empty={sessions.length === 0} text={t("noSessions")}>
              <CalibrationSessionsTable sessions={sessions} />
            </EmptyOr>
          </TitledSection>
          <CalibrationForm versions={versions} reviewers={reviewers} />
        </>
      ) : null}
    </div>
  );
}
