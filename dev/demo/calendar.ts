import { gmt8Hour, gmt8Weekday, HOUR_MS } from "./wire-time";

/**
 * When robots call. Debt-reminder rules in China keep calls to daytime, and
 * teams run them in working hours, 09:00-12:00 and 14:00-20:00 GMT+8, with a
 * thin lunch break, a little spill before nine and after eight, fewer calls on
 * Saturdays and fewer still on Sundays.
 */

// Index = hour of day in GMT+8.
export const HOUR_WEIGHTS: readonly number[] = [
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0, // 00-07: never
  0.15, // 08
  1,
  1,
  0.9, // 09-11
  0.2,
  0.35, // 12-13: lunch
  1,
  1,
  1,
  1,
  0.8,
  0.7, // 14-19
  0.15,
  0.03, // 20-21
  0,
  0, // 22-23
];

// Index = day of week in GMT+8, 0 = Sunday.
export const WEEKDAY_WEIGHTS: readonly number[] = [0.2, 1, 1, 1, 1, 1, 0.55];

/** The hours counted as working hours by the tests and the docs. */
export function isWorkingHour(hour: number): boolean {
  return (hour >= 9 && hour < 12) || (hour >= 14 && hour < 20);
}

export interface CallSlot {
  startMs: number;
  endMs: number;
  /** Calendar weight times the share of the hour inside the window. */
  weight: number;
}

/** One slot per GMT+8 clock hour overlapping [fromMs, toMs). GMT+8 hours start on UTC hours. */
export function callSlots(fromMs: number, toMs: number): CallSlot[] {
  const slots: CallSlot[] = [];
  for (let h = Math.floor(fromMs / HOUR_MS) * HOUR_MS; h < toMs; h += HOUR_MS) {
    const startMs = Math.max(h, fromMs);
    const endMs = Math.min(h + HOUR_MS, toMs);
    const base = (HOUR_WEIGHTS[gmt8Hour(h)] ?? 0) * (WEEKDAY_WEIGHTS[gmt8Weekday(h)] ?? 0);
    slots.push({ startMs, endMs, weight: (base * (endMs - startMs)) / HOUR_MS });
  }
  return slots;
}

/**
 * Splits `total` into integers proportional to `weights` that sum exactly to
 * `total` (largest remainder; ties go to the earlier index, for determinism).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error("apportion: every weight is zero");
  }
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}
