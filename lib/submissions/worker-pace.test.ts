import { describe, expect, it } from "vitest";
import { batchOf, recordStates, workerHarness, waitFor } from "../../dev/testing/worker-harness";
import { prisma } from "../db/client";
import { createBatch } from "./mutations";

/** The worker's pace: under the gateway's QPS cap, one quota shared between workers, a ban held by all of them. */

const h = workerHarness({ firstJob: 5_510_000_000_000_000n, firstRecord: 4_010_000_000_000_000_000n });

describe("submission worker: pace", () => {
  it("keeps under the gateway's QPS cap at the default rate", async () => {
    const { jobId } = await h.seedJob(60);
    h.emulator.setFaults({ qpsCap: { qps: 20, banSeconds: 5 } });
    try {
      const { batchId } = await createBatch({
        selection: { type: "job", jobId: jobId.toString() },
        kind: "submit",
        createdBy: "test",
        resendAccepted: false,
        timeZone: "UTC",
      });
      const w = h.worker({ maxQps: 20, concurrency: 8 });
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
      h.emulator.setFaults({});
    }
  });

  it("shares the quota between workers: two at TOP_MAX_QPS 20 stay under a cap of 20 together", async () => {
    const { jobId } = await h.seedJob(60);
    h.emulator.setFaults({ qpsCap: { qps: 20, banSeconds: 5 } });
    try {
      const { batchId } = await createBatch({
        selection: { type: "job", jobId: jobId.toString() },
        kind: "submit",
        createdBy: "test",
        resendAccepted: false,
        timeZone: "UTC",
      });
      const a = h.worker({ maxQps: 20, concurrency: 8 });
      const b = h.worker({ maxQps: 20, concurrency: 8 });
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
      h.emulator.setFaults({});
    }
  });

  it("holds every worker while a ban announced to one of them lasts", async () => {
    const { announceBan, banRemainingMs } = await import("./coordination");
    await announceBan(1500);
    expect(await banRemainingMs()).toBeGreaterThan(1000);
    await announceBan(100); // never shortens a ban in force
    expect(await banRemainingMs()).toBeGreaterThan(1000);
    const { jobId } = await h.seedJob(3);
    const { batchId } = await createBatch({
      selection: { type: "job", jobId: jobId.toString() },
      kind: "submit",
      createdBy: "test",
      resendAccepted: false,
      timeZone: "UTC",
    });
    const started = Date.now();
    const w = h.worker();
    w.start();
    await waitFor(
      () => batchOf(batchId),
      (x) => x.status === "done",
    );
    await w.stop();
    const first = await prisma.submissionAttempt.aggregate({ where: { batchId }, _min: { sentAt: true } });
    expect(first._min.sentAt!.getTime() - started).toBeGreaterThanOrEqual(1000);
  });
});
