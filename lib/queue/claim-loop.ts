import { BackgroundLoop } from "./background-loop";

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

export class ClaimLoop<T> extends BackgroundLoop {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly opts: ClaimLoopOptions<T>) {
    super();
  }

  /** False once stop() was called: tasks claimed before it put themselves back. */
  get running(): boolean {
    return this.active;
  }

  protected async loop(): Promise<void> {
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

  /** The poll interval, or until a slot frees when every one is busy. */
  private idle(): Promise<void> {
    return this.pause(
      this.opts.pollMs,
      this.inFlight.size >= this.opts.concurrency ? Promise.race(this.inFlight) : null,
    );
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }
}
