import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { Prisma, prisma } from "../db/client";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { createTopClient, type TopClient } from "../top/client";
import { getBatch } from "./data";
import { cancelBatch, createBatch, materializeBatchChunk } from "./mutations";
import { SubmissionWorker } from "./worker";

/**
 * A batch's rate and ETA: what the page shows must be the pace the batch is
 * really going at, from its first seconds on (a 60 s window divided by 60
 * showed a fifth of the real rate after 10 s, and an ETA of hours).
 */

let nextJob = 5_700_000_000_000_000n;
let nextRecord = 4_200_000_000_000_000_000n;
const created: bigint[] = [];
// The synthetic batches never finish: cancelled, so that the worker of the last test sends only its own.
afterEach(async () => {
  for (const id of created.splice(0)) await cancelBatch(id);
});

async function seededBatch(n: number): Promise<bigint> {
  const jobId = (nextJob++).toString();
  const items = Array.from({ length: n }, () => ({
    call_record_id: (nextRecord++).toString(),
    robot_call_job_id: jobId,
    result_status: "ANSWERED",
    start_time: "2026-03-01 09:00:00",
    end_time: "2026-03-01 09:01:00",
    chat_duration: 55,
    name: "张三",
    called_phone_number: "13800001234",
  }));
  for (let i = 0; i < n; i += 1000)
    expect((await ingestCallRecords(items.slice(i, i + 1000), { source: "api" })).summary.rejected).toBe(0);
  const { batchId } = await createBatch({
    selection: { type: "job", jobId },
    kind: "submit",
    createdBy: "rate-test",
    timeZone: "UTC",
  });
  created.push(batchId);
  return batchId;
}

/** Ledger rows for a batch's first jobs, answered `answeredSecondsAgo[i]` seconds ago. */
async function answers(batchId: bigint, answeredSecondsAgo: number[]): Promise<void> {
  while (!(await prisma.submissionBatch.findUniqueOrThrow({ where: { id: batchId } })).materialized)
    await materializeBatchChunk();
  const jobs = await prisma.submissionJob.findMany({
    where: { batchId },
    orderBy: { id: "asc" },
    take: answeredSecondsAgo.length,
  });
  await prisma.$executeRaw(Prisma.sql`
    INSERT INTO submission_attempts (job_id, batch_id, record_id, attempt, sent_at, answered_at, latency_ms, outcome, params)
    SELECT j.id, j.batch_id, j.record_id, 1, now() - make_interval(secs => a.ago + 0.05), now() - make_interval(secs => a.ago), 50, 'accepted', '{}'::jsonb
    FROM unnest(${jobs.map((j) => j.id.toString())}::text[]::bigint[], ${answeredSecondsAgo}::float8[]) AS a(job_id, ago)
    JOIN submission_jobs j ON j.id = a.job_id`);
}

describe("batch rate and ETA from the ledger", () => {
  it("is within 20% of the real rate after 10 s (18 answers/s, 12 s in)", async () => {
    const batchId = await seededBatch(2_925);
    await answers(
      batchId,
      Array.from({ length: 18 * 12 }, (_, i) => i / 18),
    );
    const b = (await getBatch(batchId))!;
    expect(b.estimating).toBe(false);
    expect(b.throughput).toBeGreaterThan(18 * 0.8);
    expect(b.throughput).toBeLessThan(18 * 1.2);
    const remaining = b.counts.queued + b.counts.in_flight + b.counts.retrying;
    const realEta = remaining / 18;
    expect(b.etaSeconds).toBeGreaterThan(realEta * 0.8);
    expect(b.etaSeconds).toBeLessThan(realEta * 1.2);
  });

  it("follows the recent pace, not the whole history, on a long batch", async () => {
    const batchId = await seededBatch(1_500);
    // Slow for a minute (2/s), then 30/s for the last 25 s.
    const slow = Array.from({ length: 120 }, (_, i) => 25 + i / 2);
    const fast = Array.from({ length: 30 * 25 }, (_, i) => i / 30);
    await answers(batchId, [...fast, ...slow]);
    const b = (await getBatch(batchId))!;
    expect(b.throughput).toBeGreaterThan(30 * 0.8);
    expect(b.throughput).toBeLessThan(30 * 1.2);
  });

  it("says it is estimating in its first seconds instead of guessing", async () => {
    const batchId = await seededBatch(100);
    await answers(batchId, [1.5, 1, 0.5]);
    const b = (await getBatch(batchId))!;
    expect(b.estimating).toBe(true);
    expect(b.throughput).toBeNull();
    expect(b.etaSeconds).toBeNull();
  });
});

describe("batch rate against the TOP emulator", () => {
  const SECRET = "rate-test-secret";
  let emulator: TopEmulator;
  let client: TopClient;
  beforeAll(async () => {
    emulator = await startTopEmulator({ apps: new Map([["rate-app", SECRET]]) });
    client = createTopClient({
      gatewayUrl: emulator.gatewayUrl,
      appKey: "rate-app",
      appSecret: SECRET,
      signMethod: "hmac-sha256",
      format: "json",
      timeoutMs: 5_000,
      connectTimeoutMs: 1_000,
    });
  });
  afterAll(async () => {
    client.close();
    await emulator.close();
  });

  it("matches the worker's fixed rate within 20% once the batch has run 10 s", async () => {
    const qps = 20;
    const batchId = await seededBatch(600);
    const worker = new SubmissionWorker(
      client,
      { maxQps: qps, concurrency: 8, maxAttempts: 3, leaseMs: 30_000, backoffBaseMs: 5, backoffMaxMs: 50 },
      { onError: (e) => console.error(e) },
      20,
      100,
    );
    worker.start();
    try {
      await new Promise((r) => setTimeout(r, 11_000));
      const b = (await getBatch(batchId))!;
      // The real rate: answers so far over the time since the first send.
      const [real] = await prisma.$queryRaw<{ n: bigint; seconds: number }[]>(Prisma.sql`
        SELECT count(*) AS n, extract(epoch FROM now() - min(sent_at))::float8 AS seconds FROM submission_attempts WHERE batch_id = ${batchId}`);
      const realRate = Number(real!.n) / real!.seconds;
      expect(b.status).toBe("running");
      expect(b.estimating).toBe(false);
      expect(b.throughput).toBeGreaterThan(realRate * 0.8);
      expect(b.throughput).toBeLessThan(realRate * 1.2);
      expect(realRate).toBeGreaterThan(qps * 0.6);
    } finally {
      await worker.stop();
    }
  }, 40_000);
});
