"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ScorecardPanel } from "@/components/scorecards/scorecard-panel";
import { useScorecard } from "@/components/scorecards/use-scorecard";
import { AudioPlayer } from "@/components/audio/audio-player";
import { TranscriptPanel } from "@/components/transcripts/transcript-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { useFormat } from "@/components/ui/use-format";
import type { IntentOption, ReviewReasonOption } from "@/lib/review/data";
import { FlagForm } from "./flag-form";
import { useReasonLabel } from "./reason-label";
import { RecordSummary } from "./record-summary";
import { KeyboardHelp, VerdictHistory } from "./review-aside-info";
import { REVIEW_BUTTON } from "./review-button";
import { ReviewComments } from "./review-comments";
import { useReviewKeyboard } from "./use-review-keyboard";
import { useReviewSession } from "./use-review-session";

/**
 * The review queue, one record at a time: the record's key fields, the
 * player, comments pinned to moments, and the verdict. One key moves on
 * (p passes, n skips; f opens the flag form). The record in front of the
 * reviewer is claimed for them, so two reviewers on one queue never get the
 * same record.
 */
export function ReviewWorkbench({
  query,
  reasons,
  intents,
  claimMinutes,
  initialTime,
}: {
  /** The queue as /calls URL parameters. */
  query: string;
  reasons: ReviewReasonOption[];
  intents: IntentOption[];
  claimMinutes: number;
  initialTime: number;
}) {
  const t = useTranslations("review");
  const fmt = useFormat();
  const session = useReviewSession({ query, claimMinutes, initialTime });
  const { state, item, busy, error, status, heldBy, startAt, flag, player, verdict, skip, openFlag, startComment } =
    session;
  useReviewKeyboard({ item, verdict, openFlag, skip, startComment, setFlagging: flag.setFlagging });
  const scorecard = item?.scorecard ?? null;
  const card = useScorecard(scorecard?.sections ?? null, item?.callRecordId ?? "");
  const { scorecardPartRef } = session;
  const ts = useTranslations("scorecards.panel");
  // Left untouched, the verdict goes without a score (as before scorecards); begun, it must be complete.
  useEffect(() => {
    scorecardPartRef.current = () =>
      !scorecard || card.answered === 0
        ? null
        : !card.complete
          ? { error: ts("incomplete", { n: card.items.length - card.answered }) }
          : { versionId: scorecard.id, answers: card.answers, criticalFailed: card.result?.criticalFailed ?? false };
  }, [scorecardPartRef, scorecard, card, ts]);
  // The player's position, for the transcript's highlight: kept with its record, so the next record starts clean.
  const [position, setPosition] = useState({ record: "", seconds: 0 });
  const labelOf = useReasonLabel(Object.fromEntries(reasons.map((r) => [r.code, r.label])));

  return (
    <div className="space-y-3">
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-600" data-testid="review-status">
        {busy && !item ? t("taking") : status}
        {state ? (
          <span
            className={(busy && !item) || status ? "ml-2 text-slate-500" : "text-slate-500"}
            data-testid="queue-remaining"
          >
            {/* A separator only after something: alone, the count starts the line. */}
            {(busy && !item) || status ? "· " : ""}
            {state.remaining.exact
              ? t("remaining", { count: state.remaining.value })
              : t("remainingEstimate", { count: fmt.count(state.remaining.value, false) })}
          </span>
        ) : null}
      </p>
      {error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {state && !item ? (
        <EmptyState testId="queue-empty">
          <p>{t("empty")}</p>
          <p className="mt-1 text-xs">{t("emptyHint")}</p>
        </EmptyState>
      ) : null}
      {item ? (
        <div className="grid gap-4 lg:grid-cols-[1fr_22rem]" data-testid="review-item" data-record={item.callRecordId}>
          <div className="space-y-3">
            <RecordSummary item={item} heldBy={heldBy} labelOf={labelOf} />
            <AudioPlayer
              key={item.callRecordId}
              src={`/api/audio/${item.callRecordId}`}
              downloadHref={item.audio === "archived" ? `/api/audio/${item.callRecordId}?download=1` : null}
              initialTime={startAt}
              apiRef={player}
              onTime={(seconds) => setPosition({ record: item.callRecordId, seconds })}
            />
            <TranscriptPanel
              key={`t-${item.callRecordId}`}
              transcript={item.transcript}
              time={position.record === item.callRecordId ? position.seconds : startAt}
              onSeek={item.audio === "none" ? undefined : (s) => player.current?.seek(s)}
            />
            <ReviewComments
              comments={item.comments}
              player={player}
              draft={session.commentDraft}
              startComment={startComment}
              submitComment={session.submitComment}
            />
          </div>
          <aside className="space-y-3">
            <div className="flex gap-2">
              <button
                type="button"
                onClick={() => void verdict("passed")}
                disabled={busy}
                aria-keyshortcuts="p"
                className={`${REVIEW_BUTTON} flex-1 border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800`}
              >
                {t("pass")} <kbd className="ml-1 text-xs opacity-80">p</kbd>
              </button>
              <button
                type="button"
                onClick={openFlag}
                disabled={busy}
                aria-keyshortcuts="f"
                aria-expanded={flag.flagging}
                className={`${REVIEW_BUTTON} flex-1 border-amber-600 bg-white text-amber-800 hover:bg-amber-50`}
              >
                {t("flag")} <kbd className="ml-1 text-xs opacity-80">f</kbd>
              </button>
              <button
                type="button"
                onClick={() => void skip()}
                disabled={busy}
                aria-keyshortcuts="n"
                className={`${REVIEW_BUTTON} border-slate-300 bg-white hover:bg-slate-50`}
              >
                {t("skip")} <kbd className="ml-1 text-xs opacity-80">n</kbd>
              </button>
            </div>
            {flag.flagging ? (
              <FlagForm
                item={item}
                reasons={reasons}
                intents={intents}
                busy={busy}
                labelOf={labelOf}
                flag={flag}
                onSubmit={() => void verdict("flagged")}
              />
            ) : null}
            {scorecard ? (
              <ScorecardPanel
                title={`${scorecard.name} v${scorecard.version}`}
                sections={scorecard.sections}
                card={card}
              />
            ) : null}
            <KeyboardHelp />
            <VerdictHistory history={item.history} labelOf={labelOf} />
          </aside>
        </div>
      ) : null}
    </div>
  );
}
