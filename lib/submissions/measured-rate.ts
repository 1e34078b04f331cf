/** The recent window a batch's sending rate is measured over. */
export const RATE_WINDOW_SECONDS = 20;

/** Below this much sending, a rate (and an ETA from it) would be a guess. */
const MIN_RATE_SECONDS = 3;
const MIN_RATE_ANSWERS = 5;

/** Answers per second from a window's count and length, or why there is none. */
export function measuredRate(window: { n: bigint | number; seconds: number } | undefined): {
  perSecond: number | null;
  estimating: boolean;
} {
  const n = Number(window?.n ?? 0);
  // No answer in the whole window: nothing to estimate from (a stalled batch says so, it does not "estimate" for ever).
  if (!window || n === 0) return { perSecond: null, estimating: false };
  if (window.seconds < MIN_RATE_SECONDS || n < MIN_RATE_ANSWERS) return { perSecond: null, estimating: true };
  return { perSecond: n / window.seconds, estimating: false };
}
