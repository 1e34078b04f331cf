/** Longest stretch of sends the bucket may release at once, in milliseconds of the rate. */
const BURST_MS = 5;

/**
 * A token bucket for requests per second, shared by every send of a worker,
 * that also holds all sends while a ban announced by the gateway lasts
 * (TOP bans the whole app, not one record).
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private bannedUntil = 0;
  private queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  private qps: number;

  constructor(
    maxQps: number,
    private readonly now: () => number = Date.now,
  ) {
    // Requests reach the gateway with some jitter, which can squeeze two sends
    // that left 1/qps apart into one of its counting windows: keep 10% spare.
    this.qps = maxQps * 0.9;
    // No bursts: sends are spaced 1/qps apart, so no window of one second
    // ever holds more than qps sends (the gateway counts per second). Timers
    // fire at best once a millisecond, so at high rates the bucket holds up to
    // BURST_MS of sends (one at ordinary quotas), far inside the 10% spare.
    this.tokens = 1;
    this.last = now();
  }

  /** Resolves when a request may be sent. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.drain();
    });
  }

  /** A new rate (requests per second, before the spare), e.g. when workers come and go. */
  setRate(maxQps: number): void {
    this.qps = maxQps * 0.9;
  }

  ban(ms: number): void {
    this.bannedUntil = Math.max(this.bannedUntil, this.now() + ms);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const resolve of this.queue.splice(0)) resolve();
  }

  /** Tokens the bucket may hold: 1 at ordinary quotas (below about 400 QPS), else BURST_MS worth of sends. */
  private capacity(): number {
    return Math.max(1, Math.floor((this.qps * BURST_MS) / 1000));
  }

  private drain(): void {
    if (this.timer) return;
    const now = this.now();
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    while (this.queue.length && this.tokens >= 1 && now >= this.bannedUntil) {
      this.tokens -= 1;
      this.queue.shift()!();
    }
    if (!this.queue.length) return;
    const wait = Math.max(this.bannedUntil - now, ((1 - this.tokens) / this.qps) * 1000, 1);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, wait);
  }
}
