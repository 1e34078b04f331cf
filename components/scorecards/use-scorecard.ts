"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { isTypingTarget } from "@/components/audio/time";
import { answersProblem, itemsOf, type Answer, type Answers, type ScorecardSections } from "@/lib/scorecards/schema";
import { scoreAnswers } from "@/lib/scorecards/score";

/**
 * A scorecard being filled in, by keyboard first: ↑/↓ or j/k move between
 * items; on a pass/fail item 1 passes, 2 fails, 0 is n/a; on a scale item a
 * digit sets the points (at most the item's weight); - is n/a on any item.
 * An answer moves on to the next item. None of these keys is one of the
 * review's (p f n c) or the player's (space ← → [ ]).
 */
export function useScorecard(
  sections: ScorecardSections | null,
  resetKey: string,
  initial: Answers = {},
  // A closed calibration session shows its answers; its keys must not change them.
  readOnly = false,
) {
  const items = useMemo(() => (sections ? itemsOf(sections) : []), [sections]);
  const [state, setState] = useState<{ key: string; answers: Answers; active: number }>({
    key: resetKey,
    answers: initial,
    active: 0,
  });
  // A new record starts a clean scorecard (state kept with its record, like the player's position).
  const current = state.key === resetKey ? state : { key: resetKey, answers: {}, active: 0 };
  const { answers, active } = current;

  const setAnswer = useCallback(
    (itemKey: string, answer: Answer | undefined, advance = false) =>
      setState((s) => {
        const base = s.key === resetKey ? s : { key: resetKey, answers: {}, active: 0 };
        const next = { ...base.answers };
        if (answer === undefined) delete next[itemKey];
        else next[itemKey] = answer;
        const at = items.findIndex((i) => i.key === itemKey);
        return {
          key: resetKey,
          answers: next,
          active: advance ? Math.min(items.length - 1, at + 1) : at >= 0 ? at : base.active,
        };
      }),
    [items, resetKey],
  );
  const setActive = useCallback(
    (i: number) =>
      setState((s) => ({
        ...(s.key === resetKey ? s : { key: resetKey, answers: {} }),
        active: Math.max(0, Math.min(items.length - 1, i)),
      })),
    [items.length, resetKey],
  );

  useEffect(() => {
    if (!items.length || readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const item = items[active];
      if (!item) return;
      if (e.key === "ArrowDown" || e.key === "j") {
        e.preventDefault();
        setActive(active + 1);
      } else if (e.key === "ArrowUp" || e.key === "k") {
        e.preventDefault();
        setActive(active - 1);
      } else if (e.key === "-") setAnswer(item.key, "na", true);
      else if (/^[0-9]$/.test(e.key)) {
        const d = Number(e.key);
        if (item.kind === "scale") setAnswer(item.key, Math.min(d, item.weight), true);
        else if (d <= 2) setAnswer(item.key, d === 1 ? "pass" : d === 2 ? "fail" : "na", true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items, active, setActive, setAnswer, readOnly]);

  const result = useMemo(() => (sections ? scoreAnswers(sections, answers) : null), [sections, answers]);
  const answered = items.filter((i) => answers[i.key] !== undefined).length;
  const problem = sections ? answersProblem(sections, answers) : null;
  return { items, answers, active, setActive, setAnswer, result, answered, complete: problem === null };
}

export type ScorecardState = ReturnType<typeof useScorecard>;
