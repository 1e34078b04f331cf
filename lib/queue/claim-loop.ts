/**
 * The loop of a worker that drains a leased queue (the alert deliveries, the
 * recording archive): it claims as many tasks as it has free slots and runs
 * each without waiting for the others. When the queue gave fewer than it
 * asked for, or every slot is busy, it waits for the poll interval or for a
 * slot to free, whichever comes first. stop() ends the claiming and waits for
 * the tasks under way; a task that sees `running` false puts itself back.
 */

export interface ClaimLoopOptions<T> {
  concurrency: number;
  pollMs: number;
  /** Leases up to `n` tasks. */
  claim: (n: number) => Promise<T[]>;
  /** Runs one task; it must not throw (a task reports its own errors). */
  run: (task: T) => Promise<void>;
  onError?: (err: unknown) => void;
}

export class ClaimLoop<T> {
  private active = false;
  private stopped: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | undefined;

  constructor(private readonly opts: ClaimLoopOptions<T>) {}

  /** False once stop() was called: tasks claimed before it put themselves back. */
  get running(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.stopped = this.loop();
  }

  async stop(): Promise<void> {
    this.active = false;
    this.wake?.();
    await this.stopped;
  }

  private async loop(): Promise<void> {
    while (this.active) {
      try {
        const free = this.opts.concurrency - this.inFlight.size;
        const tasks = free > 0 ? await this.opts.claim(free) : [];
        for (const task of tasks) this.track(this.opts.run(task));
        if (tasks.length < free || free === 0) await this.idle();
      } catch (err) {
        this.opts.onError?.(err);
        await this.idle();
      }
    }
    await Promise.allSettled(this.inFlight);
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.opts.pollMs);
      const slot = this.inFlight.size >= this.opts.concurrency ? Promise.race(this.inFlight) : null;
      void slot?.then(done);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }
}
