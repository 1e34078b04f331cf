"use client";

import { useTranslations } from "next-intl";
import { KeyList } from "@/components/ui/key-list";
import { useFormat } from "@/components/ui/use-format";
import type { ReviewItem } from "@/lib/review/data";

/** The workbench's keys and what each line of them does. */
const REVIEW_KEYS = [
  { keys: ["p"], text: "keyPass" },
  { keys: ["f"], text: "keyFlag" },
  { keys: ["n"], text: "keySkip" },
  { keys: ["c"], text: "keyComment" },
  { keys: ["↑", "↓", "j", "k"], text: "keyItems" },
  { keys: ["1", "2", "0", "-"], text: "keyAnswer" },
] as const;

/** The workbench's keys, folded away. */
export function KeyboardHelp() {
  const t = useTranslations("review");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">{t("keys")}</summary>
      <KeyList
        className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1"
        items={REVIEW_KEYS.map(({ keys, text }) => ({ keys, does: t(text) }))}
      />
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
