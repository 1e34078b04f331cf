"use client";

import { useTranslations } from "next-intl";
import { TitledSectionWithAside } from "@/components/ui/titled-section";
import type { ScorecardSections } from "@/lib/scorecards/schema";
import type { ScorecardState } from "./use-scorecard";

const choice = "rounded border px-2 py-0.5 text-xs font-medium";
const pressedStyle = {
  pass: "border-emerald-700 bg-emerald-700 text-white",
  fail: "border-red-700 bg-red-700 text-white",
  na: "border-slate-600 bg-slate-600 text-white",
} as const;

/**
 * The scorecard beside the player: every item with its answer, the active
 * one marked (the keys act on it), and the live score with the critical
 * marker announced as it changes.
 */
export function ScorecardPanel({
  title,
  sections,
  card,
}: {
  title: string;
  sections: ScorecardSections;
  card: ScorecardState;
}) {
  const t = useTranslations("scorecards.panel");
  const { items, answers, active, setActive, setAnswer, result, answered } = card;
  return (
    <TitledSectionWithAside
      id="scorecard-title"
      title={title}
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
      headerClassName="mb-2 flex items-baseline justify-between gap-2"
      testId="scorecard-panel"
      aside={
        <p aria-live="polite" aria-atomic="true" className="text-right" data-testid="scorecard-score">
          <span className="font-semibold tabular-nums">
            {result?.score === null || result === null ? t("noScore") : t("score", { score: result.score })}
          </span>
          <span className="ml-1 text-xs text-slate-600">{t("answered", { n: answered, total: items.length })}</span>
          {result?.criticalFailed ? (
            <span
              className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800"
              data-testid="critical-failed"
            >
              {t("criticalFailed")}
            </span>
          ) : null}
        </p>
      }
    >
      {sections.map((section) => (
        <fieldset key={section.key} className="mb-2">
          <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-600">{section.title}</legend>
          <div className="space-y-1">
            {section.items.map((item) => {
              const index = items.findIndex((i) => i.key === item.key);
              const a = answers[item.key];
              const isActive = index === active;
              return (
                <div
                  key={item.key}
                  role="group"
                  aria-label={item.label}
                  aria-current={isActive ? "step" : undefined}
                  data-testid={`scorecard-item-${item.key}`}
                  data-answer={a === undefined ? "" : String(a)}
                  onClick={() => setActive(index)}
                  className={`flex flex-wrap items-center justify-between gap-1 rounded px-2 py-1 ${isActive ? "bg-sky-50 ring-2 ring-sky-600" : ""}`}
                >
                  <span>
                    {item.label}
                    {item.critical ? (
                      <span className="ml-1 text-xs font-semibold text-red-700">{t("critical")}</span>
                    ) : null}
                    <span className="ml-1 text-xs text-slate-600">({item.weight})</span>
                  </span>
                  {item.kind === "passfail" ? (
                    <span className="flex gap-1">
                      {(["pass", "fail", "na"] as const).map((v) => (
                        <button
                          key={v}
                          type="button"
                          aria-pressed={a === v}
                          onClick={() => setAnswer(item.key, a === v ? undefined : v)}
                          className={`${choice} ${a === v ? pressedStyle[v] : "border-slate-300 bg-white"}`}
                        >
                          {t(v)}
                        </button>
                      ))}
                    </span>
                  ) : (
                    <select
                      aria-label={t("points", { label: item.label, max: item.weight })}
                      value={a === undefined ? "" : String(a)}
                      onChange={(e) =>
                        setAnswer(
                          item.key,
                          e.target.value === "" ? undefined : e.target.value === "na" ? "na" : Number(e.target.value),
                        )
                      }
                      className="rounded border border-slate-300 px-1 py-0.5 text-xs"
                    >
                      <option value="">–</option>
                      <option value="na">{t("na")}</option>
                      {Array.from({ length: item.weight + 1 }, (_, n) => (
                        <option key={n} value={n}>
                          {n} / {item.weight}
                        </option>
                      ))}
                    </select>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <p className="mt-1 text-xs text-slate-600">{t("keys")}</p>
    </TitledSectionWithAside>
  );
}
