/**
 * Figures of the benchmark: samples, their p50/p95, the ceiling or target
 * each is compared with, and the verdict.
 */

export type Unit = "ms" | "records/s" | "rows/s" | "MB" | "KB" | "s";

export interface Figure {
  family: string;
  name: string;
  unit: Unit;
  /** Higher is better for rates; lower for times and sizes. */
  better: "lower" | "higher";
  samples: number;
  /** Median; for rates, the median rate. */
  p50: number;
  /** 95th percentile of times; for rates, the rate that 95% of the runs reached (the slow end). */
  p95: number;
  /** What it is compared with: a measured ceiling and/or a target, in words. */
  ceiling: string;
  /** The measured ceiling, when there is one (same unit). */
  ceilingValue?: number;
  target?: number;
  verdict: "ok" | "MISSED" | "info";
  reason?: string;
}

/** How many samples a figure has, and their p50 and p95 (for rates, the rate of the slow end). */
export type Stats = Pick<Figure, "p50" | "p95" | "samples">;

/** What a figure is compared with: a target and/or a measured ceiling, in the limit's own words and why. */
interface Limit {
  target?: number;
  ceilingValue?: number;
  words?: string;
  why?: string;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** p50 and p95 of times (p95 is the slow end). */
export function timeStats(ms: number[]): Stats {
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), samples: ms.length };
}

/** p50 and "p95" of rates: the rate reached by 95% of the runs (the slow end). */
export function rateStats(rates: number[]): Stats {
  return { p50: percentile(rates, 50), p95: percentile(rates, 5), samples: rates.length };
}

/**
 * Runs `fn` `n` times after `warmup` unrecorded runs, returning each run's
 * wall time in ms. A slow figure stops early once `budgetMs` is spent (at
 * least 3 runs), so that one slow query cannot hold the whole benchmark.
 */
export async function timeRuns(
  n: number,
  fn: (i: number) => Promise<unknown>,
  warmup = 2,
  budgetMs = Infinity,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
    if (out.length >= 3 && performance.now() - started > budgetMs) break;
  }
  return out;
}

export function round(n: number, digits = 1): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function formatValue(n: number, unit: Unit): string {
  if (!Number.isFinite(n)) return "–";
  if (unit === "ms") return `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString("en")} ms`;
  if (unit === "MB" || unit === "KB" || unit === "s") return `${n.toFixed(1)} ${unit}`;
  return `${Math.round(n).toLocaleString("en")} ${unit}`;
}

type Base = Omit<Figure, "better" | "verdict" | "reason" | "p50" | "p95" | "samples" | "ceiling">;

/**
 * The figure with what it was compared with (`parts`, then the limit's own
 * words) and its verdict: info when nothing was `checked`, MISSED with the
 * misses and why the bound is what it is, else ok.
 */
function judged(
  figure: Base & Pick<Figure, "better"> & Stats,
  limit: Limit,
  parts: string[],
  misses: string[],
  checked: boolean,
): Figure {
  if (limit.words) parts.push(limit.words);
  return {
    ...figure,
    ceiling: parts.join(", ") || "–",
    ...(limit.ceilingValue !== undefined ? { ceilingValue: limit.ceilingValue } : {}),
    verdict: !checked ? "info" : misses.length ? "MISSED" : "ok",
    ...(misses.length ? { reason: [misses.join("; "), limit.why].filter(Boolean).join(": ") } : {}),
  };
}

/** A figure checked against an upper bound (times, sizes) and optionally a multiple of a measured ceiling. */
export function atMost(base: Base, stats: Stats, limit: Limit & { factor?: number }): Figure {
  const parts: string[] = [];
  const misses: string[] = [];
  if (limit.target !== undefined) {
    parts.push(`p95 ≤ ${formatValue(limit.target, base.unit)}`);
    if (!(stats.p95 <= limit.target)) misses.push(`p95 above ${formatValue(limit.target, base.unit)}`);
  }
  if (limit.ceilingValue !== undefined) {
    const factor = limit.factor ?? 1;
    parts.push(`raw ${formatValue(limit.ceilingValue, base.unit)}${factor !== 1 ? ` (≤ ${factor}×)` : ""}`);
    // A few tenths of a millisecond are noise, not a ratio.
    if (factor !== 1 && stats.p95 > limit.ceilingValue * factor && stats.p95 - limit.ceilingValue > 1)
      misses.push(`${round(stats.p95 / limit.ceilingValue, 2)}× the raw SQL`);
  }
  const checked = limit.target !== undefined || limit.factor !== undefined;
  return judged({ ...base, better: "lower", ...stats }, limit, parts, misses, checked);
}

/** A rate checked against a lower bound and optionally a share of a measured ceiling. */
export function atLeast(base: Base, stats: Stats, limit: Limit & { share?: number }): Figure {
  const parts: string[] = [];
  const misses: string[] = [];
  if (limit.target !== undefined) {
    parts.push(`≥ ${formatValue(limit.target, base.unit)}`);
    if (!(stats.p50 >= limit.target))
      misses.push(
        // A target above the measured ceiling cannot be met by any writer on this machine: say so.
        limit.ceilingValue !== undefined && limit.ceilingValue < limit.target
          ? `below ${formatValue(limit.target, base.unit)}, which is above the ceiling itself on this machine`
          : `below ${formatValue(limit.target, base.unit)}`,
      );
  }
  if (limit.ceilingValue !== undefined) {
    parts.push(
      `ceiling ${formatValue(limit.ceilingValue, base.unit)}${limit.share !== undefined ? ` (≥ ${Math.round(limit.share * 100)}%)` : ""}`,
    );
    if (limit.share !== undefined && !(stats.p50 >= limit.ceilingValue * limit.share))
      misses.push(`${Math.round((stats.p50 / limit.ceilingValue) * 100)}% of the ceiling`);
  }
  const checked = limit.target !== undefined || limit.share !== undefined;
  return judged({ ...base, better: "higher", ...stats }, limit, parts, misses, checked);
}

export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    `${f.family}: ${f.name}`,
    formatValue(f.p50, f.unit),
    formatValue(f.p95, f.unit),
    f.ceiling,
    f.verdict === "MISSED" ? `MISSED (${f.reason ?? ""})` : f.verdict,
  ]);
  const head = ["figure", "p50", "p95", "ceiling / target", "verdict"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => c + " ".repeat(Math.max(0, widths[i]! - [...c].length))).join(" | ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
}

/** The same table as Markdown, for the README. */
export function formatMarkdown(figures: Figure[]): string {
  const esc = (s: string) => s.replaceAll("|", "\\|");
  return [
    "| figure | p50 | p95 | ceiling / target | verdict |",
    "|---|---:|---:|---|---|",
    ...figures.map(
      (f) =>
        `| ${esc(`${f.family}: ${f.name}`)} | ${formatValue(f.p50, f.unit)} | ${formatValue(f.p95, f.unit)} | ${esc(f.ceiling)} | ${f.verdict === "MISSED" ? `**MISSED**: ${esc(f.reason ?? "")}` : f.verdict} |`,
    ),
  ].join("\n");
}

/**
 * Times `a` and `b` alternately, so that both meet the same moments of a
 * shared, noisy machine and their percentiles can be compared.
 */
export async function timePaired(
  n: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  warmup = 2,
  budgetMs = Infinity,
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const started = performance.now();
  const time = async (f: () => Promise<unknown>, into: number[]) => {
    const t = performance.now();
    await f();
    into.push(performance.now() - t);
  };
  for (let i = 0; i < n; i++) {
    // Each goes first every other time: whatever favours the first (or the second) of a pair favours neither.
    if (i % 2 === 0) {
      await time(a, ta);
      await time(b, tb);
    } else {
      await time(b, tb);
      await time(a, ta);
    }
    if (ta.length >= 3 && performance.now() - started > budgetMs) break;
  }
  return [ta, tb];
}
