import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { createTopClient } from "../top/client";
import { createBatch } from "./mutations";
import { SubmissionWorker } from "./worker";

// SIGTERM of `npm run worker`: stop claiming, give calls on the wire a bounded
// grace, put claimed-ahead jobs back; nothing stays leased after stop().

let emulator: TopEmulator;
beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["stop-app", "stop-secret"]]) });
});
afterAll(() => emulator.close());

describe("worker stop", () => {
  it("abandons calls that outlast the grace as unanswered attempts and leaves no job leased", async () => {
    // A job id of this file's own: queue.test.ts makes its jobs from 5_600_000_000_000_000n up (one shared database).
    const jobId = 5_530_000_000_000_000n;
    const items = Array.from({ length: 40 }, (_, i) => ({
      call_record_id: String(4_600_000_000_000_000_000n + BigInt(i)),
      robot_call_job_id: jobId.toString(),
      result_status: "ANSWERED",
      start_time: "2026-03-01 09:00:00",
      end_time: "2026-03-01 09:01:00",
      chat_duration: 55,
      name: "张三",
      called_phone_number: "13800001234",
    }));
    expect((await ingestCallRecords(items, { source: "api" })).summary.rejected).toBe(0);
    const { batchId } = await createBatch({
      selection: { type: "job", jobId: jobId.toString() },
      kind: "submit",
      createdBy: "test",
      resendAccepted: false,
      timeZone: "UTC",
    });
    // Every answer takes 20 s: the calls are on the wire when the stop comes.
    emulator.setFaults({ delay: { probability: 1, minMs: 20_000, maxMs: 20_000 } });
    const client = createTopClient({
      gatewayUrl: emulator.gatewayUrl,
      appKey: "stop-app",
      appSecret: "stop-secret",
      signMethod: "hmac-sha256",
      format: "json",
      timeoutMs: 60_000,
      connectTimeoutMs: 1_000,
    });
    const worker = new SubmissionWorker(
      client,
      { maxQps: 1_000, concurrency: 4, maxAttempts: 6, leaseMs: 60_000, backoffBaseMs: 5, backoffMaxMs: 50 },
      {},
      20,
      50,
    );
    try {
      worker.start();
      const deadline = Date.now() + 20_000;
      while (
        (await prisma.submissionJob.count({ where: { batchId, state: "in_flight" } })) < 5 &&
        Date.now() < deadline
      )
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300)); // the four calls are sent
      const stopping = Date.now();
      await worker.stop(1_000);
      expect(Date.now() - stopping).toBeLessThan(5_000);
    } finally {
      client.close();
      emulator.setFaults({});
    }
    expect(await prisma.submissionJob.count({ where: { batchId, state: "in_flight" } })).toBe(0);
    // The four calls on the wire: on the ledger as unanswered, their jobs to be retried; the rest untouched.
    const attempts = await prisma.submissionAttempt.findMany({
      where: { batchId },
      select: { transportError: true, jobId: true },
    });
    expect(attempts).toHaveLength(4);
    expect(attempts.every((a) => a.transportError !== null)).toBe(true);
    const jobs = await prisma.submissionJob.groupBy({
      by: ["state"],
      where: { batchId },
      _count: { _all: true },
      _sum: { attempts: true },
    });
    const byState = Object.fromEntries(jobs.map((j) => [j.state, { n: j._count._all, attempts: j._sum.attempts }]));
    expect(byState.retrying).toEqual({ n: 4, attempts: 4 });
    expect(byState.queued?.attempts ?? 0).toBe(0); // claimed ahead, put back without an attempt
    await prisma.submissionBatch.update({ where: { id: batchId }, data: { status: "cancelled" } });
  }, 60_000);
});
