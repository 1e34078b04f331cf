import "server-only";
import type { TopClient } from "../top/client";
import type { WorkerConfig } from "./config";
import { rpcContextOf, toIvrCallRecordDto } from "./dto";
import { materializeBatchChunk } from "./mutations";
import { claimJobs, releaseJob, settleJob, type ClaimedJob, type Settlement } from "./queue";
import { RateLimiter } from "./rate-limiter";

/**
 * Drains the submission queue: claims due jobs up to the concurrency limit,
 * sends each through the global rate limiter, and settles it. Any number of
 * workers (processes) can run against one database.
 */

export interface WorkerEvents {
  onSettled?: (job: ClaimedJob, settlement: Settlement) => void;
  onError?: (err: unknown) => void;
}

export class SubmissionWorker {
  private running = false;
  private stopped: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly limiter: RateLimiter;
  private wake: (() => void) | undefined;

  constructor(
    private readonly client: TopClient,
    private readonly config: WorkerConfig,
    private readonly events: WorkerEvents = {},
    private readonly pollMs = 250,
  ) {
    this.limiter = new RateLimiter(config.maxQps);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = this.loop();
  }

  /** Stops claiming, lets calls already on the wire finish and be recorded, and puts the rest back. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    this.limiter.close();
    await this.stopped;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        const free = this.config.concurrency - this.inFlight.size;
        const jobs = free > 0 ? await claimJobs(free, this.config.leaseMs) : [];
        for (const job of jobs) this.track(this.process(job));
        // Short of work: turn the next chunk of a new batch into jobs, and look again at once if there was one.
        const more = jobs.length < free ? await materializeBatchChunk() : false;
        if (!more && (jobs.length < free || free === 0)) await this.idle();
      } catch (err) {
        this.events.onError?.(err);
        await this.idle();
      }
    }
    await Promise.allSettled(this.inFlight);
  }

  /** Waits for a free slot, new work to be due, or stop. */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      const slot = this.inFlight.size >= this.config.concurrency ? Promise.race(this.inFlight) : null;
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

  private async process(job: ClaimedJob): Promise<void> {
    try {
      await this.limiter.take();
      if (!this.running) return await releaseJob(job);
      const sentAt = new Date();
      const call = await this.client.receiveCallRecord(toIvrCallRecordDto(job.record), { rpcContext: rpcContextOf(job.record) });
      if (call.retryAfterMs) this.limiter.ban(call.retryAfterMs);
      const settlement = await settleJob(job, { ...call, sentAt, answeredAt: new Date() }, this.config);
      this.events.onSettled?.(job, settlement);
    } catch (err) {
      // The job stays in flight until its lease runs out, then any worker takes it again.
      this.events.onError?.(err);
    }
  }
}
