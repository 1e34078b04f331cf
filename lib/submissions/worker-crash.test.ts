import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { batchOf, recordStates, workerHarness, waitFor, WORKER_TEST_SECRET } from "../../dev/testing/worker-harness";
import { prisma } from "../db/client";
import { cancelBatch, createBatch, materializeBatchChunk } from "./mutations";

/**
 * What must hold however work arrives or a worker dies: one submission of a record in flight, large
 * batches turned into jobs in chunks, nothing lost to a SIGKILL.
 */

const h = workerHarness({ firstJob: 5_520_000_000_000_000n, firstRecord: 4_020_000_000_000_000_000n });

describe("submission worker: overlaps, large batches, crashes", () => {
  it("never has two submissions of one record in flight, even from overlapping batches", async () => {
    const { jobId, ids } = await h.seedJob(20);
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
    const jobId = h.nextJobId();
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
    h.emulator.setFaults({ delay: { probability: 1, minMs: 20, maxMs: 40 } });
    const startWorker = () =>
      spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
        env: {
          ...process.env,
          DATABASE_URL: process.env.DATABASE_URL,
          TOP_GATEWAY_URL: h.emulator.gatewayUrl,
          TOP_APP_KEY: h.topConfig.appKey,
          TOP_APP_SECRET: WORKER_TEST_SECRET,
          TOP_MAX_QPS: "400",
          TOP_CONCURRENCY: "8",
          // Only the submission queue: other test files' recordings are not this worker's to archive.
          AUDIO_ARCHIVE_CONCURRENCY: "0",
          SUBMISSION_LEASE_MS: "1500",
        },
        stdio: "ignore",
      });
    try {
      const { jobId } = await h.seedJob(600);
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
      const received = h.receivedOf(jobId);
      expect(received.length).toBe(600); // every record reached the platform
      // At-least-once: only calls that were on the wire at the kill can have been sent twice.
      expect(received.filter((e) => e.count > 1).length).toBeLessThanOrEqual(inFlightAtKill);
    } finally {
      h.emulator.setFaults({});
    }
  }, 60_000);
});
