import { useTranslations } from "next-intl";
import type { RecordReview } from "@/lib/review/data";
import { CommentItem } from "@/components/review/comment-item";
import { useReasonLabel } from "@/components/review/reason-label";
import { useFormat } from "@/components/ui/use-format";
import { ReviewState } from "./status-badge";
import { Panel } from "@/components/ui/panel";

/** A record's review as everyone who can see the record sees it: the verdict, its reasons (labels) and notes, and the comments on the recording. */
export function RecordVerdict({
  review,
  reasonLabels,
  callRecordId,
}: {
  review: RecordReview;
  reasonLabels: Record<string, string>;
  callRecordId: string;
}) {
  const t = useTranslations("views.verdict");
  const ts = useTranslations("scorecards.panel");
  const fmt = useFormat();
  const label = useReasonLabel(reasonLabels);
  return (
    <Panel id="record-review" title={t("title")} testId="record-review">
      {review.verdict ? (
        <p className="mt-2 text-sm">
          <span
            className={review.verdict === "flagged" ? "font-medium text-amber-800" : "font-medium text-emerald-800"}
          >
            <ReviewState state={review.verdict} />
          </span>
          <span className="text-slate-600">
            {" "}
            · {review.reviewer ?? "–"}
            {review.at ? `, ${fmt.dateTime(review.at)}` : ""}
          </span>
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
      )}
      {review.scorecard ? (
        <p className="mt-2 text-sm" data-testid="verdict-score">
          <span className="font-medium tabular-nums">
            {review.score === null ? ts("allNa") : ts("score", { score: review.score })}
          </span>
          <span className="text-slate-600"> · {review.scorecard}</span>
          {review.criticalFailed ? (
            <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
              {ts("criticalFailed")}
            </span>
          ) : null}
        </p>
      ) : null}
      {review.reasons.length ? (
        <div className="mt-2 text-sm">
          <h3 className="text-xs font-medium text-slate-500">{t("reasons")}</h3>
          <ul className="mt-1 flex flex-wrap gap-1" data-testid="verdict-reasons">
            {review.reasons.map((code) => (
              <li
                key={code}
                className="rounded bg-amber-50 px-2 py-0.5 text-amber-900 ring-1 ring-inset ring-amber-200"
                title={code}
              >
                {label(code)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {review.notes ? (
        <div className="mt-2 text-sm">
          <h3 className="text-xs font-medium text-slate-500">{t("notes")}</h3>
          <p className="mt-1 whitespace-pre-wrap" data-testid="verdict-notes">
            {review.notes}
          </p>
        </div>
      ) : null}
      <h3 className="mt-3 text-xs font-medium text-slate-500">{t("comments")}</h3>
      {review.comments.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("noComments")}</p>
      ) : (
        <ol className="mt-1 space-y-1 text-sm" data-testid="record-comments">
          {review.comments.map((c) => (
            <CommentItem
              key={c.id}
              href={`/calls/${callRecordId}?t=${Math.floor(c.positionMs / 1000)}`}
              comment={c}
              className="flex gap-2"
              label={(time) => t("playFrom", { time })}
            />
          ))}
        </ol>
      )}
    </Panel>
  );
}
