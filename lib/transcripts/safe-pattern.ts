/**
 * Whether an admin's regular expression may run against every transcript.
 * JavaScript's engine backtracks: `(a+)+$` or `(a|a)*` take exponential time
 * on a crafted utterance, and ingest runs every rule on every utterance, so a
 * rule could stall ingest for everyone. Rather than a new dependency (a ReDoS
 * checker such as safe-regex2 checks star height only, which is the rule
 * below) the accepted dialect is narrowed until backtracking stays small:
 *
 * - at most MAX_PATTERN_LENGTH characters, and utterances are bounded too
 *   (TRANSCRIPT_LIMITS.text);
 * - no nesting: `*`, `+` and `{n,m}` apply to one character, class or escape,
 *   never to a group; a group may only be made optional (`(…)?`);
 * - at most one unbounded quantifier (`*`, `+`, `{n,}`) and at most
 *   MAX_VARIABLE_QUANTIFIERS quantifiers that vary at all, `{n,m}` with m ≤ 50,
 *   so the worst case is polynomial and small;
 * - no back-references and no lookaround (neither is needed to find a phrase);
 * - and it must compile (flags `iu`) and run within a time budget on
 *   adversarial probes built from its own characters.
 */

export const MAX_PATTERN_LENGTH = 200;
const MAX_VARIABLE_QUANTIFIERS = 4;
const MAX_REPEAT = 50;
const PROBE_LENGTH = 2000;
const PROBE_BUDGET_MS = 50;
const PROBE_ATTEMPTS = 3;

/** Why a pattern was refused: a code the page translates, with the values its text needs. */
export const PATTERN_REASONS = [
  "empty",
  "too_long",
  "invalid",
  "back_reference",
  "lookaround",
  "repeated_group",
  "nested_quantifier",
  "repeat_too_large",
  "too_many_unbounded",
  "too_many_repetitions",
  "too_slow",
] as const;
export type PatternReason = (typeof PATTERN_REASONS)[number];

export type PatternCheck =
  | { ok: true }
  | {
      ok: false;
      reason: PatternReason;
      /** The numbers (and the engine's own error) the reason's text names. */
      values: Record<string, string | number>;
      /** The reason in English, for logs and API callers. */
      message: string;
    };

const fail = (reason: PatternReason, message: string, values: Record<string, string | number> = {}): PatternCheck => ({
  ok: false,
  reason,
  values,
  message,
});

export function checkRegexPattern(pattern: string): PatternCheck {
  if (pattern.length === 0) return fail("empty", "is empty");
  if (pattern.length > MAX_PATTERN_LENGTH)
    return fail("too_long", `is longer than ${MAX_PATTERN_LENGTH} characters`, { max: MAX_PATTERN_LENGTH });
  let re: RegExp;
  try {
    re = new RegExp(pattern, "iu");
  } catch (err) {
    return fail("invalid", `is not a valid regular expression: ${(err as Error).message}`, {
      error: (err as Error).message,
    });
  }
  const shape = checkShape(pattern);
  if (!shape.ok) return shape;
  return probe(re, pattern);
}

interface Frame {
  quantified: boolean;
  alternation: boolean;
}

/** One pass over the pattern (already known to compile), tracking groups and what the last atom was. */
function checkShape(p: string): PatternCheck {
  const stack: Frame[] = [{ quantified: false, alternation: false }];
  let last: "none" | "atom" | "group" = "none";
  let lastGroup: Frame | null = null;
  let variable = 0;
  let unbounded = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const top = stack[stack.length - 1]!;
    if (c === "\\") {
      const n = p[i + 1] ?? "";
      if (/[1-9]/.test(n) || n === "k") return fail("back_reference", "may not use back-references");
      // \p{…}, \u{…}: the braces belong to the escape, not a quantifier.
      if ("pPu".includes(n) && p[i + 2] === "{") i = p.indexOf("}", i + 2);
      else i += 1;
      last = "atom";
    } else if (c === "[") {
      i = classEnd(p, i);
      last = "atom";
    } else if (c === "(") {
      if (/^\(\?<?[=!]/.test(p.slice(i))) return fail("lookaround", "may not use lookaround ((?= (?! (?<= (?<!)");
      if (p[i + 1] === "?") i = p[i + 2] === "<" ? p.indexOf(">", i) : i + 2;
      stack.push({ quantified: false, alternation: false });
      last = "none";
    } else if (c === ")") {
      lastGroup = stack.pop()!;
      const parent = stack[stack.length - 1]!;
      parent.quantified ||= lastGroup.quantified;
      last = "group";
    } else if (c === "|") {
      top.alternation = true;
      last = "none";
    } else if (c === "*" || c === "+" || c === "?" || (c === "{" && /^\{\d+(,\d*)?\}/.test(p.slice(i)))) {
      let min = c === "+" ? 1 : 0;
      let max = c === "?" ? 1 : Infinity;
      if (c === "{") {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i))!;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
        i += m[0].length - 1;
      }
      if (p[i + 1] === "?") i += 1; // lazy: the same cost
      if (last === "group" && max > 1)
        return fail(
          "repeated_group",
          "may not repeat a group (only (…)? is allowed): repeat single characters or classes instead",
        );
      if (last === "group" && lastGroup?.quantified && max > 0)
        return fail("nested_quantifier", "may not nest quantifiers inside an optional group");
      if (max !== Infinity && max > MAX_REPEAT)
        return fail("repeat_too_large", `may not repeat more than ${MAX_REPEAT} times`, { max: MAX_REPEAT });
      if (max !== min) variable += 1;
      if (max === Infinity) unbounded += 1;
      top.quantified = true;
      last = "none";
    } else {
      last = "atom";
    }
  }
  if (unbounded > 1) return fail("too_many_unbounded", "may use at most one unbounded repetition (*, + or {n,})");
  if (variable > MAX_VARIABLE_QUANTIFIERS)
    return fail("too_many_repetitions", `may use at most ${MAX_VARIABLE_QUANTIFIERS} repetitions`, {
      max: MAX_VARIABLE_QUANTIFIERS,
    });
  return { ok: true };
}

function classEnd(p: string, start: number): number {
  for (let i = start + 1; i < p.length; i++) {
    if (p[i] === "\\") i += 1;
    else if (p[i] === "]" && i > start + 1) return i;
  }
  return p.length;
}

/** Runs the compiled rule on long strings made of its own characters: the inputs backtracking is worst on. */
function probe(re: RegExp, pattern: string): PatternCheck {
  const chars = [...new Set(pattern.replace(/[\\^$.*+?()[\]{}|]/g, ""))].join("") || "a";
  const probes = [
    chars[0]!.repeat(PROBE_LENGTH),
    chars.repeat(Math.ceil(PROBE_LENGTH / chars.length)).slice(0, PROBE_LENGTH),
  ];
  // Wall time on a busy server also counts other work (other requests, other processes, a garbage
  // collection): a pattern is too slow only when every attempt is, which a transient stall never makes it.
  for (let attempt = 0; attempt < PROBE_ATTEMPTS; attempt++) {
    if (probeMs(re, probes) <= PROBE_BUDGET_MS) return { ok: true };
  }
  return fail("too_slow", "takes too long to run on long utterances; simplify it");
}

/** How long one run of the probes took, in ms. */
function probeMs(re: RegExp, probes: readonly string[]): number {
  const started = performance.now();
  for (const s of probes) {
    re.test(`${s}\u0000`);
    re.test(s);
  }
  return performance.now() - started;
}
