"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { PlayerWithTranscript } from "@/components/transcripts/player-with-transcript";
import { ScorecardPanel } from "@/components/scorecards/scorecard-panel";
import { useScorecard } from "@/components/scorecards/use-scorecard";
import { unwrap } from "@/components/ui/action-error";
import { submitCalibrationAction } from "@/lib/scorecards/actions";
import type { Answers, ScorecardSections } from "@/lib/scorecards/schema";
import type { TranscriptView } from "@/lib/transcripts/view";
import { CalibrationClosedNote } from "./closed-note";
import { FailureLine } from "@/components/ui/failure-line";
import { primaryButton } from "@/components/ui/styles";

/**
 * One calibration call: the player and the same scorecard panel as the
 * workbench, with the same keys. The answers go to the session only.
 */
export function CalibrationScorer({
  sessionId,
  callRecordId,
  title,
  sections,
  initial,
  submitted,
  closed,
  nextHref,
  transcript,
}: {
  sessionId: string;
  callRecordId: string;
  title: string;
  sections: ScorecardSections;
  initial: Answers;
  submitted: boolean;
  /** The session was closed: the answers are shown, nothing can be submitted. */
  closed: boolean;
  nextHref: string | null;
  /** What the robot and the callee said, synced to the player, as in the review workbench. */
  transcript: TranscriptView | null;
}) {
  const t = useTranslations("scorecards.calibration");
  const router = useRouter();
  const card = useScorecard(sections, `${sessionId}:${callRecordId}`, initial, closed);
  const submit = useMutation({
    mutationFn: async () => unwrap(await submitCalibrationAction({ sessionId, callRecordId, answers: card.answers })),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_24rem]" data-testid="calibration-scorer">
      <div className="space-y-3">
        <PlayerWithTranscript src={`/api/audio/${callRecordId}`} syncUrl={false} transcript={transcript} />
        <p className="text-sm">
          <Link href={`/calls/${callRecordId}`} className="text-sky-700 underline">
            {callRecordId}
          </Link>
        </p>
      </div>
      <aside className="space-y-3">
        {/* A disabled fieldset makes every answer button of a closed session inert. */}
        <fieldset disabled={closed} className="min-w-0">
          <ScorecardPanel title={title} sections={sections} card={card} />
        </fieldset>
        {closed ? <CalibrationClosedNote /> : null}
        <FailureLine
          error={submit.error}
          className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        />
        <p role="status" className="min-h-5 text-sm text-emerald-800" data-testid="calibration-status">
          {!closed && (submit.isSuccess || (submitted && submit.isIdle)) ? t("submittedNote") : null}
        </p>
        <div className="flex gap-2">
          {closed ? null : (
            <button
              type="button"
              disabled={submit.isPending || !card.complete}
              onClick={() => submit.mutate()}
              aria-describedby={card.complete ? undefined : "calibration-need-all"}
              className={`${primaryButton} disabled:opacity-60`}
            >
              {t("submit")}
            </button>
          )}
          {nextHref ? (
            <Link href={nextHref} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
              {t("next")}
            </Link>
          ) : null}
        </div>
        {card.complete || closed ? null : (
          <p id="calibration-need-all" className="text-xs text-slate-600">
            {t("needAll")}
          </p>
        )}
      </aside>
    </div>
  );
}
