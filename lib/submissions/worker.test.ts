import { spawn } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { createTopClient, type TopClient } from "../top/client";
import type { TopConfig } from "../top/config";
import type { WorkerConfig } from "./config";
import { cancelBatch, createBatch, materializeBatchChunk } from "./mutations";
import { SubmissionWorker } from "./worker";

const SECRET = "worker-test-secret";
let emulator: TopEmulator;
let topConfig: TopConfig;
const clients: TopClient[] = [];
const workers: SubmissionWorker[] = [];
let nextJob = 5_500_000_000_000_000n;
let nextRecord = 4_000_000_000_000_000_000n;

const fast: WorkerConfig = {
  maxQps: 5_000,
  concurrency: 16,
  maxAttempts: 6,
  leaseMs: 30_000,
  backoffBaseMs: 5,
  backoffMaxMs: 50,
};

beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["worker-app", SECRET]]) });
  // A generous timeout: on a loaded machine a 300 ms one times out answers that
  // were on their way (sent twice, at-least-once), which the tests that count
  // sends cannot tell from a bug. The fault test sets its own short one.
  topConfig = {
    gatewayUrl: emulator.gatewayUrl,
    appKey: "worker-app",
    appSecret: SECRET,
    signMethod: "hmac-sha256",
    format: "json",
    timeoutMs: 5_000,
    connectTimeoutMs: 1000,
  };
});
// A test that failed or timed out must not leave its worker claiming the next tests' jobs.
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  for (const c of clients) c.close();
  await emulator.close();
});

/** A job of its own with `n` valid records, stored through the ingest path. */
async function seedJob(n: number): Promise<{ jobId: bigint; ids: bigint[] }> {
  const jobId = nextJob++;
  const ids = Array.from({ length: n }, () => nextRecord++);
  for (let i = 0; i < n; i += 1000) {
    const items = ids.slice(i, i + 1000).map((id) => ({
      call_record_id: id.toString(),
      robot_call_job_id: jobId.toString(),
      result_status: "ANSWERED",
      start_time: "2026-03-01 09:00:00",
      end_time: "2026-03-01 09:01:00",
      chat_duration: 55,
      name: "张三",
      called_phone_number: "13800001234",
    }));
    const r = await ingestCallRecords(items, { source: "api" });
    expect(r.summary.rejected).toBe(0);
  }
  return { jobId, ids };
}

function worker(config: Partial<WorkerConfig> = {}, top: Partial<TopConfig> = {}) {
  const client = createTopClient({ ...topConfig, ...top });
  clients.push(client);
  const w = new SubmissionWorker(client, { ...fast, ...config }, { onError: (e) => console.error(e) }, 20, 100);
  workers.push(w);
  return w;
}

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting; last value ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x))}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

const batchOf = (id: bigint) => prisma.submissionBatch.findUniqueOrThrow({ where: { id } });
async function recordStates(jobId: bigint) {
  const rows = await prisma.callRecord.groupBy({
    by: ["submissionState"],
    where: { robotCallJobId: jobId },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.submissionState, r._count._all]));
}

describe("submission worker against the TOP emulator", () => {
  it("sends a batch, records every answer, and sends nothing twice", async () => {
    const { jobId, ids } = await seedJob(300);
    const { batchId, queued } = await createBatch({
      selection: { type: "job", jobId: jobId.toString() },
      kind: "submit",
      createdBy: "test",
      resendAccepted: false,
      timeZone: "Asia/Shanghai",
    });
    expect(queued).toBe(300);
    const w = worker();
    w.start();
    await waitFor(
      () => batchOf(batchId),
      (b) => b.status === "done",
    );
    await w.stop();
    expect(await recordStates(jobId)).toEqual({ accepted: 300 });
    expect(await prisma.submissionAttempt.count({ where: { batchId } })).toBe(300);
    const received = emulator.received
      .toJSON()
      .apps["worker-app"]!.entries.filter((e) => e.robot_call_job_id === jobId.toString());
    expect(received.length).toBe(300);
    expect(received.every((e) => e.count === 1)).toBe(true);
    const rec = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: ids[0]! } });
    expect(rec).toMatchObject({
      submissionState: "accepted",
      lastResultCode: "0",
      lastResultMessage: "ok",
      submissionAttempts: 1,
    });
    const [attempt] = await prisma.submissionAttempt.findMany({ where: { recordId: rec.id } });
    expect(attempt).toMatchObject({
      outcome: "accepted",
      httpStatus: 200,
      resultSuccess: true,
      resultCount: 1,
      attempt: 1,
    });
    expect(attempt!.rawAnswer).toContain('"lvms_result_d_t_o":{"count":1,"success":true');
    expect(attempt!.params).toMatchObject({
      method: "alibaba.lvms.lvr.receivecallrecord",
      app_key: "worker-app",
      sign_method: "hmac-sha256",
    });
    expect(JSON.stringify(attempt!.params)).not.toContain(SECRET);

    // A second batch for the same job skips accepted records unless asked.
    expect(
      (
        await createBatch({
          selection: { type: "job", jobId: jobId.toString() },
          kind: "submit",
          createdBy: "test",
          resendAccepted: false,
          timeZone: "UTC",
        })
      ).queued,
    ).toBe(0);
  });

  it("ends a 10,000-record batch under 30% mixed faults with every record settled, none stuck, none accepted twice", async () => {
    const { jobId } = await seedJob(10_000);
    // 30% in all. Bans stop every send for their length, as they must, so they are kept rare here.
    emulator.setFaults({
      seed: 7,
      timeout: 0.03,
      http502: 0.05,
      http503: 0.03,
      garbage: 0.04,
      truncated: 0.03,
      rateLimit: { probability: 0.001, banSeconds: 1 },
      ispTimeout: 0.059,
      businessReject: 0.06,
    });
    try {
      const { batchId } = await createBatch({
        selection: { type: "job", jobId: jobId.toString() },
        kind: "submit",
        createdBy: "test",
        resendAccepted: false,
        timeZone: "UTC",
      });
      // Short enough for the emulator's held answers (3% never answer) to come back as
      // transient failures soon, long enough that a loaded machine's slow answers do
      // not time out too (sent again, they would look like a double send).
      const w = worker({ concurrency: 32 }, { timeoutMs: 1_000 });
      w.start();
      await waitFor(
        () => batchOf(batchId),
        (b) => b.status === "done",
        200_000,
      );
      await w.stop();
      const states = await recordStates(jobId);
      expect(Object.keys(states).sort()).toEqual(expect.arrayContaining(["accepted", "rejected"]));
      expect((states.accepted ?? 0) + (states.rejected ?? 0) + (states.failed ?? 0)).toBe(10_000);
      expect(
        await prisma.submissionJob.count({ where: { batchId, state: { in: ["queued", "in_flight", "retrying"] } } }),
      ).toBe(0);
      // Every rejection and give-up carries a reason.
      expect(
        await prisma.callRecord.count({
          where: { robotCallJobId: jobId, submissionState: { in: ["rejected", "failed"] }, lastResultCode: null },
        }),
      ).toBe(0);
      const received = emulator.received
        .toJSON()
        .apps["worker-app"]!.entries.filter((e) => e.robot_call_job_id === jobId.toString());
      // Every record the console calls accepted reached the platform.
      const accepted = await prisma.callRecord.findMany({
        where: { robotCallJobId: jobId, submissionState: "accepted" },
        select: { callRecordId: true },
      });
      const receivedIds = new Set(received.map((e) => e.call_record_id));
      expect(accepted.filter((r) => !receivedIds.has(r.callRecordId.toString()))).toEqual([]);
      // At-least-once: faulted requests are never recorded by the emulator, but on a loaded
      // machine a genuine answer can outlast the timeout. Such a record reached the platform
      // without the console hearing it (it may arrive twice, or end rejected by a later
      // attempt's fault); its ledger must show the unanswered attempt. A resend after an
      // answer never happens.
      const acceptedIds = new Set(accepted.map((r) => r.callRecordId.toString()));
      const unheard = received
        .filter((e) => e.count > 1 || !acceptedIds.has(e.call_record_id))
        .map((e) => BigInt(e.call_record_id));
      const unanswered = await prisma.submissionAttempt.findMany({
        where: {
          batchId,
          outcome: "transient",
          httpStatus: null,
          transportError: { not: null },
          record: { callRecordId: { in: unheard } },
        },
        select: { recordId: true },
        distinct: ["recordId"],
      });
      expect(unanswered.length).toBe(unheard.length);
      // Retries happened, and the ledger holds one row per HTTP call.
      expect(await prisma.submissionAttempt.count({ where: { batchId } })).toBeGreaterThan(10_000);
    } finally {
      emulator.setFaults({});
    }
  }, 240_000);

  it("pauses the batch on a configuration error instead of burning through the records", async () => {
    const { jobId } = await seedJob(50);
    const { batchId } = await createBatch({
      selection: { type: "job", jobId: jobId.toString() },
      kind: "submit",
      createdBy: "test",
      resendAccepted: false,
      timeZone: "UTC",
    });
    const w = worker({ concurrency: 4 }, { appSecret: "wrong-secret" });
    w.start();
    const batch = await waitFor(
      () => batchOf(batchId),
      (b) => b.status === "paused",
    );
    await w.stop();
    expect(batch.pausedReason).toContain("25");
    const attempts = await prisma.submissionAttempt.count({ where: { batchId } });
    expect(attempts).toBeLessThanOrEqual(4); // at most the calls already on the wire
    expect(await recordStates(jobId)).toEqual({ queued: 50 }); // nothing failed, nothing lost
    // A paused batch holds every reporting rule (lib/rules): other test files' rules must not wait for this one.
    await cancelBatch(batchId);
  });

  it("stops sending within a second of a cancel and restores the records", async () => {
    const { jobId } = await seedJob(200);
    const { batchId } = await createBatch({
      selection: { type: "job", jobId: jobId.toString() },
      kind: "submit",
      createdBy: "test",
      resendAccepted: false,
      timeZone: "UTC",
    });
    const w = worker({ maxQps: 40, concurrency: 2 });
    w.start();
    await waitFor(
      () => prisma.submissionAttempt.count({ where: { batchId } }),
      (n) => n >= 10,
    );
    expect(await cancelBatch(batchId)).toMatchObject({ cancelled: expect.any(Number) });
    const atCancel = Date.now();
    await new Promise((r) => setTimeout(r, 1000));
    const lastSent = await prisma.submissionAttempt.aggregate({ where: { batchId }, _max: { sentAt: true } });
    await w.stop();
    expect(lastSent._max.sentAt!.getTime()).toBeLessThan(atCancel + 1000);
    const states = await recordStates(jobId);
    expect(states.queued ?? 0).toBe(0);
    expect((states.accepted ?? 0) + (states.not_submitted ?? 0)).toBe(200);
    expect(states.not_submitted).toBeGreaterThan(100);
    expect((await batchOf(batchId)).status).toBe("cancelled");
  });

  it("keeps under the gateway's QPS cap at the default rate", async () => {
    const { jobId } = await seedJob(60);
    emulator.setFaults({ qpsCap: { qps: 20, banSeconds: 5 } });
    try {
      const { batchId } = await createBatch({
        selection: { type: "job", jobId: jobId.toString() },
        kind: "submit",
        createdBy: "test",
        resendAccepted: false,
        timeZone: "UTC",
      });
      const w = worker({ maxQps: 20, concurrency: 8 });
      w.start();
      await waitFor(
        () => batchOf(batchId),
        (b) => b.status === "done",
        30_000,
      );
      await w.stop();
      expect(await prisma.submissionAttempt.count({ where: { batchId, errorCode: 7 } })).toBe(0);
      expect(await recordStates(jobId)).toEqual({ accepted: 60 });
    } finally {
      emulator.setFaults({});
    }
  });

  it("shares the quota between workers: two at TOP_MAX_QPS 20 stay under a cap of 20 together", async () => {
    const { jobId } = await seedJob(60);
    emulator.setFaults({ qpsCap: { qps: 20, banSeconds: 5 } });
    try {
      const { batchId } = await createBatch({
        selection: { type: "job", jobId: jobId.toString() },
        kind: "submit",
        createdBy: "test",
        resendAccepted: false,
        timeZone: "UTC",
      });
      const a = worker({ maxQps: 20, concurrency: 8 });
      const b = worker({ maxQps: 20, concurrency: 8 });
      a.start();
      b.start();
      await waitFor(
        () => batchOf(batchId),
        (x) => x.status === "done",
        30_000,
      );
      await Promise.all([a.stop(), b.stop()]);
      expect(await prisma.submissionAttempt.count({ where: { batchId, errorCode: 7 } })).toBe(0);
      expect(await recordStates(jobId)).toEqual({ accepted: 60 });
    } finally {
      emulator.setFaults({});
    }
  });

  it("holds every worker while a ban announced to one of them lasts", async () => {
    const { announceBan, banRemainingMs } = await import("./coordination");
    await announceBan(1500);
    expect(await banRemainingMs()).toBeGreaterThan(1000);
    await announceBan(100); // never shortens a ban in force
    expect(await banRemainingMs()).toBeGreaterThan(1000);
    const { jobId } = await seedJob(3);
    const { batchId } = await createBatch({
      selection: { type: "job", jobId: jobId.toString() },
      kind: "submit",
      createdBy: "test",
      resendAccepted: false,
      timeZone: "UTC",
    });
    const started = Date.now();
    const w = worker();
    w.start();
    await waitFor(
      () => batchOf(batchId),
      (x) => x.status === "done",
    );
    await w.stop();
    const first = await prisma.submissionAttempt.aggregate({ where: { batchId }, _min: { sentAt: true } });
    expect(first._min.sentAt!.getTime() - started).toBeGreaterThanOrEqual(1000);
  });

  it("never has two submissions of one record in flight, even from overlapping batches", async () => {
    const { jobId, ids } = await seedJob(20);
    const first = await createBatch({
      selection: { type: "job", jobId: jobId.toString() },
      kind: "submit",
      createdBy: "a",
      resendAccepted: false,
      timeZone: "UTC",
    });
    // Created before the first one has jobs: both count the same records at first.
    const second = await createBatch({
      selection: { type: "ids", ids: ids.slice(0, 5).map(String) },
      kind: "submit",
      createdBy: "b",
      resendAccepted: true,
      timeZone: "UTC",
    });
    expect(first.queued).toBe(20);
    expect(second.queued).toBe(5);
    while (await materializeBatchChunk()) {
      // until every batch has its jobs
    }
    expect((await batchOf(second.batchId)).total).toBe(0);
    expect((await batchOf(second.batchId)).status).toBe("done");
    expect(await recordStates(jobId)).toEqual({ queued: 20 });
    // A third batch created now sees them in flight.
    const third = await createBatch({
      selection: { type: "ids", ids: ids.slice(0, 5).map(String) },
      kind: "submit",
      createdBy: "c",
      resendAccepted: true,
      timeZone: "UTC",
    });
    expect(third.queued).toBe(0);
    await cancelBatch(first.batchId);
    expect(await recordStates(jobId)).toEqual({ not_submitted: 20 });
  });

  it("accepts a 100,000-record batch without copying it, then turns it into jobs in chunks", async () => {
    const jobId = nextJob++;
    await prisma.$executeRaw`
      INSERT INTO call_records (call_record_id, robot_call_job_id, source, content_hash)
      SELECT 7000000000000000000 + g, ${jobId}, 'seed', repeat('0', 64) FROM generate_series(1, 100000) g`;
    const { batchId, queued } = await createBatch({
      selection: { type: "filter", query: `job=${jobId}` },
      kind: "submit",
      createdBy: "t",
      resendAccepted: false,
      timeZone: "UTC",
    });
    expect(queued).toBe(100_000);
    expect(await prisma.submissionJob.count({ where: { batchId } })).toBe(0);
    let chunks = 0;
    while (!(await batchOf(batchId)).materialized && (await materializeBatchChunk())) chunks++;
    expect(chunks).toBe(21); // a first chunk of 500, 19 of 5,000, and the last 4,500
    expect(await prisma.submissionJob.count({ where: { batchId } })).toBe(100_000);
    expect((await batchOf(batchId)).total).toBe(100_000);
    await cancelBatch(batchId);
  }, 120_000);

  it("loses nothing when the worker process is killed (SIGKILL) mid-batch and another one starts", async () => {
    // Every answer takes a while, so that the kill lands with calls on the wire.
    emulator.setFaults({ delay: { probability: 1, minMs: 20, maxMs: 40 } });
    const startWorker = () =>
      spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
        env: {
          ...process.env,
          DATABASE_URL: inject("databaseUrl"),
          TOP_GATEWAY_URL: emulator.gatewayUrl,
          TOP_APP_KEY: topConfig.appKey,
          TOP_APP_SECRET: SECRET,
          TOP_MAX_QPS: "400",
          TOP_CONCURRENCY: "8",
          // Only the submission queue: other test files' recordings are not this worker's to archive.
          AUDIO_ARCHIVE_CONCURRENCY: "0",
          SUBMISSION_LEASE_MS: "1500",
        },
        stdio: "ignore",
      });
    try {
      const { jobId } = await seedJob(600);
      const { batchId, queued } = await createBatch({
        selection: { type: "job", jobId: jobId.toString() },
        kind: "submit",
        createdBy: "test",
        resendAccepted: false,
        timeZone: "UTC",
      });
      expect(queued).toBe(600);

      const first = startWorker();
      await waitFor(
        () => prisma.submissionAttempt.count({ where: { batchId } }),
        (n) => n >= 100,
      );
      first.kill("SIGKILL");
      await new Promise((r) => first.once("exit", r));
      const inFlightAtKill = await prisma.submissionJob.count({ where: { batchId, state: "in_flight" } });

      const second = startWorker();
      try {
        await waitFor(
          () => batchOf(batchId),
          (b) => b.status === "done",
        );
      } finally {
        second.kill("SIGTERM");
        await new Promise((r) => second.once("exit", r));
      }
      expect(await recordStates(jobId)).toEqual({ accepted: 600 });
      const received = emulator.received
        .toJSON()
        .apps["worker-app"]!.entries.filter((e) => e.robot_call_job_id === jobId.toString());
      expect(received.length).toBe(600); // every record reached the platform
      // At-least-once: only calls that were on the wire at the kill can have been sent twice.
      expect(received.filter((e) => e.count > 1).length).toBeLessThanOrEqual(inFlightAtKill);
    } finally {
      emulator.setFaults({});
    }
  }, 60_000);
});
