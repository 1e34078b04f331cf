import "server-only";
import type { TopClient } from "../top/client";
import type { WorkerConfig } from "./config";
import { rpcContextOf, toIvrCallRecordDto } from "./dto";
import { announceBan, banRemainingMs, WorkerPresence } from "./coordination";
import { materializeBatchChunk } from "./mutations";
import { claimJobs, releaseJob, settleJobs, type ClaimedJob, type Settlement } from "./queue";
import { SettleGroups } from "./settle-group";
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
  private readonly presence = new WorkerPresence();
  private coordination: NodeJS.Timeout | undefined;
  // Answers are written in groups: one statement per group rather than per record kept the worker database-bound.
  private readonly settlements: SettleGroups;

  constructor(
    private readonly client: TopClient,
    private readonly config: WorkerConfig,
    private readonly events: WorkerEvents = {},
    private readonly pollMs = 250,
    private readonly coordinationMs = 2_000,
  ) {
    this.limiter = new RateLimiter(config.maxQps);
    this.settlements = new SettleGroups((answers) => settleJobs(answers, config));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Two heartbeats before the first send, so that workers starting together
    // already see each other and none of them starts at the whole quota.
    const settle = () => new Promise((r) => setTimeout(r, this.coordinationMs));
    this.stopped = this.coordinate()
      .then(settle)
      .then(() => this.coordinate())
      .then(() => this.loop());
    this.coordination = setInterval(() => void this.coordinate(), this.coordinationMs);
  }

  /** Takes this worker's share of the quota, and any ban another worker heard about. */
  private async coordinate(): Promise<void> {
    try {
      const workers = await this.presence.heartbeat();
      this.limiter.setRate(this.config.maxQps / workers);
      const banned = await banRemainingMs();
      if (banned > 0) this.limiter.ban(banned);
    } catch (err) {
      this.events.onError?.(err);
    }
  }

  /** Stops claiming, lets calls already on the wire finish and be recorded, and puts the rest back. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.coordination) clearInterval(this.coordination);
    this.wake?.();
    this.limiter.close();
    await this.stopped;
    await this.presence.leave().catch(() => {});
  }

  private async loop(): Promise<void> {
    // Claim in groups (a quarter of the concurrency) rather than one statement
    // per freed slot: at high concurrency the claims would otherwise be the
    // bottleneck, one round trip per record on this single loop.
    const group = Math.max(1, Math.ceil(this.config.concurrency / 4));
    while (this.running) {
      try {
        const free = this.config.concurrency - this.inFlight.size;
        if (free < group && this.inFlight.size > 0) {
          await this.idle(true);
          continue;
        }
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

  /** Waits for a free slot (when all are taken, or `forSlot`), new work to be due, or stop. */
  private idle(forSlot = false): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      const slot = this.inFlight.size > 0 && (forSlot || this.inFlight.size >= this.config.concurrency) ? Promise.race(this.inFlight) : null;
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
      if (call.retryAfterMs) {
        this.limiter.ban(call.retryAfterMs);
        await announceBan(call.retryAfterMs);
      }
      const settlement = await this.settlements.add({ job, call: { ...call, sentAt, answeredAt: new Date() } });
      this.events.onSettled?.(job, settlement);
    } catch (err) {
      // The job stays in flight until its lease runs out, then any worker takes it again.
      this.events.onError?.(err);
    }
  }
}
