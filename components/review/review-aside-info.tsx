"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import type { ReviewItem } from "@/lib/review/data";

/** The workbench's keys, folded away. */
export function KeyboardHelp() {
  const t = useTranslations("review");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">{t("keys")}</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt>
          <kbd>p</kbd>
        </dt>
        <dd>{t("keyPass")}</dd>
        <dt>
          <kbd>f</kbd>
        </dt>
        <dd>{t("keyFlag")}</dd>
        <dt>
          <kbd>n</kbd>
        </dt>
        <dd>{t("keySkip")}</dd>
        <dt>
          <kbd>c</kbd>
        </dt>
        <dd>{t("keyComment")}</dd>
        <dt>
          <kbd>↑</kbd> <kbd>↓</kbd> <kbd>j</kbd> <kbd>k</kbd>
        </dt>
        <dd>{t("keyItems")}</dd>
        <dt>
          <kbd>1</kbd> <kbd>2</kbd> <kbd>0</kbd> <kbd>-</kbd>
        </dt>
        <dd>{t("keyAnswer")}</dd>
      </dl>
    </details>
  );
}

/** Earlier verdicts on the record, when there are any. */
export function VerdictHistory({
  history,
  labelOf,
}: {
  history: ReviewItem["history"];
  labelOf: (code: string) => string;
}) {
  const t = useTranslations("review");
  const tc = useTranslations("common");
  const fmt = useFormat();
  if (!history.length) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h2 className="mb-1 font-semibold">{t("history")}</h2>
      <ul className="space-y-1">
        {history.map((h, i) => (
          <li key={i}>
            <span className="font-medium">{tc(`review.${h.verdict as "passed" | "flagged"}`)}</span> · {h.reviewer} ·{" "}
            {fmt.dateTime(new Date(h.at))}
            {h.scorecard ? (
              <span className="block text-xs text-slate-600" data-testid="history-score">
                {h.score === null
                  ? t("historyNoScore", { scorecard: h.scorecard })
                  : t("historyScore", { score: h.score, scorecard: h.scorecard })}
                {h.criticalFailed ? ` · ${t("historyCritical")}` : ""}
              </span>
            ) : null}
            {h.reasons.length ? (
              <span className="block text-xs text-slate-600" data-testid="history-reasons">
                {h.reasons.map(labelOf).join(", ")}
              </span>
            ) : null}
            {h.notes ? <span className="block text-xs text-slate-600">{h.notes}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
