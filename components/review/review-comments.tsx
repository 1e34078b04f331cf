"use client";

import { useTranslations } from "next-intl";
import type { FormEvent, RefObject } from "react";
import type { PlayerApi } from "@/components/audio/audio-player";
import { formatClock } from "@/components/audio/time";
import type { ReviewItem } from "@/lib/review/data";
import { CommentItem } from "./comment-item";
import { REVIEW_BUTTON } from "./review-button";
import type { useReviewSession } from "./use-review-session";
import { TitledSection } from "@/components/ui/titled-section";

/** The comments pinned to moments of the recording, and the form that adds one at the current moment. */
export function ReviewComments({
  comments,
  player,
  draft,
  startComment,
  submitComment,
}: {
  comments: ReviewItem["comments"];
  player: RefObject<PlayerApi | null>;
  draft: ReturnType<typeof useReviewSession>["commentDraft"];
  startComment: () => void;
  submitComment: (e: FormEvent) => Promise<void>;
}) {
  const t = useTranslations("review");
  const { comment, setComment, commentAt, setCommentAt, commentBox } = draft;
  return (
    <TitledSection
      id="comments-title"
      title={t("comments")}
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      titleClassName="mb-2 text-sm font-semibold"
    >
      {comments.length === 0 ? <p className="text-sm text-slate-500">{t("noComments")}</p> : null}
      <ol className="space-y-1" data-testid="comments">
        {comments.map((c) => (
          <CommentItem
            key={c.id}
            onPlay={() => player.current?.seek(c.positionMs / 1000)}
            comment={c}
            className="flex gap-2 text-sm"
            label={(time) => t("jumpTo", { time })}
          />
        ))}
      </ol>
      <form onSubmit={submitComment} className="mt-2 flex items-center gap-2 text-sm">
        <div className="flex flex-1 items-center gap-2">
          <button
            type="button"
            onClick={startComment}
            className="whitespace-nowrap text-xs text-slate-600 underline"
            aria-keyshortcuts="c"
          >
            {t("commentAt", { time: formatClock(commentAt / 1000) })}
          </button>
          <input
            ref={commentBox}
            value={comment}
            onFocus={() => comment === "" && setCommentAt(Math.floor((player.current?.currentTime() ?? 0) * 1000))}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t("commentPlaceholder")}
            aria-label={t("commentAt", { time: formatClock(commentAt / 1000) })}
            maxLength={1000}
            className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1"
          />
        </div>
        <button
          type="submit"
          disabled={!comment.trim()}
          className={`${REVIEW_BUTTON} border-slate-300 bg-white hover:bg-slate-50`}
        >
          {t("addComment")}
        </button>
      </form>
    </TitledSection>
  );
}
