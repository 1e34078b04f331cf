/**
 * Delay before the next attempt: exponential with "full jitter" (a random
 * delay up to the exponential cap, so that many records failing together do
 * not retry together), never shorter than a ban the gateway announced.
 */
export function retryDelayMs(
  attempt: number,
  opts: { baseMs: number; maxMs: number; retryAfterMs?: number },
  random: () => number = Math.random,
): number {
  const cap = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(cap / 2 + random() * (cap / 2));
  return Math.max(jittered, opts.retryAfterMs ?? 0);
}
