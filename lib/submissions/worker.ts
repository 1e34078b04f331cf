import "server-only";
import { setMaxListeners } from "node:events";
import { isConnectionError } from "../db/connection-errors";
import { rateLimitBans, rateLimitWait, settleFailures, topCalls, topLatency } from "../metrics/registry";
import type { TopClient } from "../top/client";
import type { WorkerConfig } from "./config";
import { rpcContextOf, toIvrCallRecordDto } from "./dto";
import { announceBan, banRemainingMs, WorkerPresence } from "./coordination";
import { configuredGateway } from "../gateway/info";
import { expireApprovalRequests } from "../approvals/expiry";
import { materializeBatchChunk } from "./mutations";
import { claimJobs, releaseJob, settleJobs, type Answer, type ClaimedJob, type Settlement } from "./queue";
import { SettleGroups } from "./settle-group";
import { RateLimiter } from "./rate-limiter";

/**
 * Drains the submission queue: claims due jobs up to the concurrency limit,
 * sends each through the global rate limiter, and settles it. Any number of
 * workers (processes) can run against one database.
 */

// Approval requests live 24 h: marking them expired within a minute is plenty.
const EXPIRY_EVERY_MS = 60_000;

export interface WorkerEvents {
  onSettled?: (job: ClaimedJob, settlement: Settlement) => void;
  onError?: (err: unknown) => void;
}

export class SubmissionWorker {
  private running = false;
  private stopped: Promise<void> | undefined;
  /** Calls on the wire (the concurrency limit counts these). */
  private readonly inFlight = new Set<Promise<void>>();
  /**
   * Jobs claimed ahead of a free slot (at most one claim group): a freed slot
   * takes the next one at once instead of waiting for a claim's round trip,
   * which at low concurrency was most of every call's cycle.
   */
  private readonly ready: ClaimedJob[] = [];
  /** Answers received and not yet committed. */
  private readonly unsettled = new Set<Promise<void>>();
  private readonly limiter: RateLimiter;
  private wake: (() => void) | undefined;
  private wakeMaterializer: (() => void) | undefined;
  private readonly presence = new WorkerPresence(configuredGateway());
  private coordination: NodeJS.Timeout | undefined;
  // Answers are written in groups: one statement per group rather than per record kept the worker database-bound.
  private readonly settlements: SettleGroups;
  /** When this worker's heartbeat last reached the database (its readiness). */
  lastHeartbeatAt = 0;
  /** When this worker last ended approval requests past their 24 h. */
  private expiredAt = 0;
  /** Aborts calls still on the wire when a stop's grace runs out. */
  private readonly calls = new AbortController();

  constructor(
    private readonly client: TopClient,
    private readonly config: WorkerConfig,
    private readonly events: WorkerEvents = {},
    private readonly pollMs = 250,
    private readonly coordinationMs = 2_000,
    /** Answers waiting for their commit before the worker stops claiming. */
    private readonly maxUnsettled = Math.max(256, config.concurrency * 4),
  ) {
    this.limiter = new RateLimiter(config.maxQps);
    this.settlements = new SettleGroups((answers) => settleJobs(answers, config));
    // Every call on the wire listens to the one stop signal.
    setMaxListeners(0, this.calls.signal);
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
      .then(() => Promise.all([this.loop(), this.materialize()]))
      .then(() => {});
    this.coordination = setInterval(() => void this.coordinate(), this.coordinationMs);
  }

  /** Takes this worker's share of the quota, and any ban another worker heard about. */
  private async coordinate(): Promise<void> {
    try {
      const workers = await this.presence.heartbeat();
      this.lastHeartbeatAt = Date.now();
      this.limiter.setRate(this.config.maxQps / workers);
      const banned = await banRemainingMs();
      if (banned > 0) this.limiter.ban(banned);
      if (Date.now() - this.expiredAt >= EXPIRY_EVERY_MS) {
        this.expiredAt = Date.now();
        await expireApprovalRequests();
      }
    } catch (err) {
      this.events.onError?.(err);
    }
  }

  /** Stops claiming, lets calls already on the wire finish and be recorded, and puts the rest back. */
  async stop(graceMs = 15_000): Promise<void> {
    this.running = false;
    if (this.coordination) clearInterval(this.coordination);
    this.wake?.();
    this.wakeMaterializer?.();
    this.limiter.close();
    // Calls still on the wire after the grace are abandoned: each is recorded as
    // an unanswered attempt (a transport error) and retried, rather than left
    // leased until its lease runs out.
    const abandon = setTimeout(() => this.calls.abort(), graceMs);
    try {
      await this.stopped;
    } finally {
      clearTimeout(abandon);
    }
    await this.presence.leave().catch(() => {});
  }

  private async loop(): Promise<void> {
    // Claim in groups (a quarter of the concurrency) rather than one statement
    // per freed slot: at high concurrency the claims would otherwise be the
    // bottleneck, one round trip per record on this single loop.
    const group = Math.max(1, Math.ceil(this.config.concurrency / 4));
    while (this.running) {
      try {
        // Answers are written in the background; if the database falls behind,
        // stop taking work until it catches up (memory stays bounded).
        if (this.unsettled.size >= this.maxUnsettled) {
          await Promise.race(this.unsettled);
          continue;
        }
        this.sendReady();
        // Free slots, plus one group claimed ahead.
        const room = this.config.concurrency + group - this.inFlight.size - this.ready.length;
        if (room < group && this.inFlight.size > 0) {
          await this.idle(true);
          continue;
        }
        const jobs = room > 0 ? await claimJobs(room, this.config.leaseMs) : [];
        this.ready.push(...jobs);
        this.sendReady();
        if (jobs.length < room || room <= 0) await this.idle();
      } catch (err) {
        this.events.onError?.(err);
        await this.idle();
      }
    }
    await this.releaseReady(() => true);
    await Promise.allSettled(this.inFlight);
    await Promise.allSettled(this.unsettled);
  }

  /** Starts claimed jobs while slots are free. */
  private sendReady(): void {
    while (this.running && this.ready.length > 0 && this.inFlight.size < this.config.concurrency) {
      const p = this.process(this.ready.shift()!);
      this.track(p);
      // After track's own handler has freed the slot.
      void p.finally(() => this.sendReady());
    }
  }

  /** Puts claimed-ahead jobs that `match` back in line, unsent and without an attempt. */
  private async releaseReady(match: (job: ClaimedJob) => boolean): Promise<void> {
    const held = this.ready.filter(match);
    this.ready.splice(0, this.ready.length, ...this.ready.filter((job) => !match(job)));
    await Promise.allSettled(held.map((job) => releaseJob(job)));
  }

  /**
   * Turns new batches into jobs, chunk by chunk, beside the sending: a batch's
   * first records go out while its other chunks are being written (in the
   * claim loop, writing a large chunk held every send back).
   */
  private async materialize(): Promise<void> {
    while (this.running) {
      try {
        if (await materializeBatchChunk()) {
          this.wake?.();
          continue;
        }
      } catch (err) {
        this.events.onError?.(err);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wakeMaterializer = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Waits for a free slot (when all are taken, or `forSlot`), new work to be due, or stop. */
  private idle(forSlot = false): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      const slot =
        this.inFlight.size > 0 && (forSlot || this.inFlight.size >= this.config.concurrency)
          ? Promise.race(this.inFlight)
          : null;
      void slot?.then(done);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  /**
   * Writes an answer, and writes it again while the database is unreachable
   * (a restart, a failover, crash recovery): an answer received is recorded
   * once the database is back, instead of the job being sent again when its
   * lease runs out. Gives up only on a statement the database refuses, or
   * when stopping and the database has not come back within the lease.
   */
  private async record(answer: Answer): Promise<Settlement> {
    const giveUpAt = Date.now() + this.config.leaseMs;
    for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
      try {
        return await this.settlements.add(answer);
      } catch (err) {
        if (!isConnectionError(err) || (!this.running && Date.now() > giveUpAt)) throw err;
        settleFailures.inc();
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private track(p: Promise<void>, set = this.inFlight): void {
    set.add(p);
    void p.finally(() => set.delete(p));
  }

  /**
   * Sends one job. Its slot is free as soon as the answer is in: the answer
   * joins the next group commit in the background. Holding the slot until the
   * commit made the database's latency part of every call's, and at high
   * concurrency the slots waited on commits rather than on TOP.
   */
  private async process(job: ClaimedJob): Promise<void> {
    try {
      const waited = performance.now();
      await this.limiter.take();
      rateLimitWait.observe((performance.now() - waited) / 1000);
      if (!this.running) return await releaseJob(job);
      const sentAt = new Date();
      const call = await this.client.receiveCallRecord(toIvrCallRecordDto(job.record), {
        rpcContext: rpcContextOf(job.record),
        signal: this.calls.signal,
      });
      topCalls.inc({ outcome: call.kind });
      topLatency.observe({ outcome: call.kind }, call.latencyMs / 1000);
      if (call.retryAfterMs) {
        rateLimitBans.inc();
        this.limiter.ban(call.retryAfterMs);
        await announceBan(call.retryAfterMs).catch((err: unknown) => this.events.onError?.(err));
      }
      const settled = this.record({ job, call: { ...call, sentAt, answeredAt: new Date() } }).then(
        (settlement) => this.events.onSettled?.(job, settlement),
        // Not written: the job stays in flight until its lease runs out, then any worker sends it again.
        (err: unknown) => this.events.onError?.(err),
      );
      this.track(settled, this.unsettled);
      // A configuration error pauses the batch once written: until then its slot
      // stays taken, or the worker would go on sending records that cannot pass;
      // the batch's jobs claimed ahead go back in line unsent.
      if (call.kind === "config") {
        await settled;
        await this.releaseReady((j) => j.batchId === job.batchId);
      }
    } catch (err) {
      // The job stays in flight until its lease runs out, then any worker takes it again.
      this.events.onError?.(err);
    }
  }
}
