"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { PlayerApi } from "@/components/audio/audio-player";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import {
  addReviewComment,
  claimNextRecord,
  releaseRecordClaim,
  renewRecordClaim,
  submitReviewVerdict,
} from "@/lib/review/actions";
import type { ReviewItem } from "@/lib/review/data";
import type { Answers } from "@/lib/scorecards/schema";

/** What the scorecard adds to a verdict: nothing (none, or left empty), a problem to show, or the answers. */
export type ScorecardPart = null | { error: string } | { versionId: string; answers: Answers; criticalFailed: boolean };

export type Claimed = { item: ReviewItem | null; remaining: { value: number; exact: boolean } };

/**
 * The workbench's state and its moves: claims the next record (and keeps the
 * claim while the reviewer stays on it), records verdicts and comments, skips.
 * The record in front of the reviewer is claimed for them, so two reviewers on
 * one queue never get the same record.
 */
export function useReviewSession({
  query,
  claimMinutes,
  initialTime,
}: {
  query: string;
  claimMinutes: number;
  initialTime: number;
}) {
  const t = useTranslations("review");
  const errorText = useErrorText();
  const router = useRouter();
  const [state, setState] = useState<Claimed | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [heldBy, setHeldBy] = useState<string | null>(null);
  const [flagging, setFlagging] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [intent, setIntent] = useState<string>("");
  const [comment, setComment] = useState("");
  const [commentAt, setCommentAt] = useState(0);
  const [startAt, setStartAt] = useState(initialTime);
  const exclude = useRef<string[]>([]);
  const player = useRef<PlayerApi | null>(null);
  const firstReason = useRef<HTMLInputElement>(null);
  const commentBox = useRef<HTMLInputElement>(null);
  // Set by the workbench's scorecard panel: read when a verdict is saved.
  const scorecardPartRef = useRef<() => ScorecardPart>(() => null);
  const item = state?.item ?? null;

  const advance = useCallback(
    async (handled?: string) => {
      if (handled) exclude.current = [...exclude.current, handled].slice(-1_000);
      setBusy(true);
      setError(null);
      setFlagging(false);
      setChosen([]);
      setNotes("");
      setIntent("");
      setComment("");
      setHeldBy(null);
      try {
        const next = unwrap(await claimNextRecord({ query, exclude: exclude.current }));
        setState(next);
        if (handled) {
          setStartAt(0);
          const url = new URL(window.location.href);
          url.searchParams.delete("t");
          window.history.replaceState(window.history.state, "", url);
        }
      } catch (err) {
        setError(errorText(err as Error));
      } finally {
        setBusy(false);
      }
    },
    [query, errorText],
  );

  // The first record, once mounted (a timer, so a double mount in development claims once).
  useEffect(() => {
    const timer = setTimeout(() => void advance(), 0);
    return () => clearTimeout(timer);
  }, [advance]);

  // Keep the claim while the reviewer stays on the record.
  useEffect(() => {
    if (!item) return;
    const id = item.callRecordId;
    const timer = setInterval(
      () => {
        void renewRecordClaim({ callRecordId: id }).then((r) => {
          if (r.ok && !r.data.held) setHeldBy(r.data.heldBy);
        });
      },
      Math.max(10_000, (claimMinutes * 60_000) / 3),
    );
    return () => clearInterval(timer);
  }, [item, claimMinutes]);

  const verdict = useCallback(
    async (v: "passed" | "flagged") => {
      if (!item || busy) return;
      const scored = scorecardPartRef.current();
      if (scored && "error" in scored) {
        setError(scored.error);
        return;
      }
      // A failed critical item fails the call: it can only be flagged (the server refuses a pass too).
      if (scored?.criticalFailed && v === "passed") {
        setError(t("criticalNoPass"));
        setFlagging(true);
        setTimeout(() => firstReason.current?.focus(), 0);
        return;
      }
      if (v === "flagged" && chosen.length === 0) {
        setError(t("needReason"));
        return;
      }
      setBusy(true);
      setError(null);
      try {
        const correctedIntent =
          intent === ""
            ? undefined
            : intent === "none"
              ? null
              : { tagId: intent.split(":")[0]!, code: Number(intent.split(":")[1]) };
        unwrap(
          await submitReviewVerdict({
            callRecordId: item.callRecordId,
            verdict: v,
            reasons: v === "flagged" ? chosen : [],
            notes: notes || undefined,
            correctedIntent,
            scorecard: scored ? { versionId: scored.versionId, answers: scored.answers } : undefined,
          }),
        );
        setStatus(t("saved", { state: v, id: item.callRecordId }));
        // The page's unreviewed / passed / flagged counters are server-rendered: refreshed in place, the workbench keeps its state.
        router.refresh();
        await advance(item.callRecordId);
      } catch (err) {
        setError(t("failed", { message: errorText(err as Error) }));
        setBusy(false);
      }
    },
    [item, busy, chosen, notes, intent, advance, t, router, errorText],
  );

  const skip = useCallback(async () => {
    if (!item || busy) return;
    await releaseRecordClaim({ callRecordId: item.callRecordId });
    await advance(item.callRecordId);
  }, [item, busy, advance]);

  const openFlag = useCallback(() => {
    setFlagging(true);
    setTimeout(() => firstReason.current?.focus(), 0);
  }, []);

  const startComment = useCallback(() => {
    setCommentAt(Math.floor((player.current?.currentTime() ?? 0) * 1000));
    setTimeout(() => commentBox.current?.focus(), 0);
  }, []);

  async function submitComment(e: FormEvent) {
    e.preventDefault();
    if (!item || !comment.trim()) return;
    try {
      const comments = unwrap(
        await addReviewComment({ callRecordId: item.callRecordId, positionMs: commentAt, body: comment }),
      );
      setState((s) => (s?.item ? { ...s, item: { ...s.item, comments } } : s));
      setComment("");
    } catch (err) {
      setError(t("failed", { message: errorText(err as Error) }));
    }
  }

  return {
    state,
    item,
    busy,
    error,
    status,
    heldBy,
    startAt,
    flag: { flagging, setFlagging, chosen, setChosen, notes, setNotes, intent, setIntent, firstReason },
    commentDraft: { comment, setComment, commentAt, setCommentAt, commentBox },
    player,
    scorecardPartRef,
    verdict,
    skip,
    openFlag,
    startComment,
    submitComment,
  };
}
