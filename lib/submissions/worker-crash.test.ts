import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ingestCallRecords } from "../call-records/mutations";
import { prisma } from "../db/client";
import { startTopEmulator, type TopEmulator } from "../top-emulator/server";
import { createBatch } from "./mutations";

// The worker as its own process (scripts/worker.ts), killed with SIGKILL mid-batch.

const SECRET = "crash-test-secret";
let emulator: TopEmulator;

beforeAll(async () => {
  // Every answer takes a while, so that the kill lands with calls on the wire.
  emulator = await startTopEmulator({ apps: new Map([["crash-app", SECRET]]), faults: { delay: { probability: 1, minMs: 20, maxMs: 40 } } });
});
afterAll(() => emulator.close());

function startWorker(): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      TOP_GATEWAY_URL: emulator.gatewayUrl,
      TOP_APP_KEY: "crash-app",
      TOP_APP_SECRET: SECRET,
      TOP_MAX_QPS: "400",
      TOP_CONCURRENCY: "8",
      SUBMISSION_LEASE_MS: "1500",
    },
    stdio: "ignore",
  });
}

describe("worker crash", () => {
  it("loses nothing when the worker is killed mid-batch and another one starts", async () => {
    const jobId = 6_600_000_000_000_001n;
    const items = Array.from({ length: 600 }, (_, i) => ({
      call_record_id: (3_000_000_000_000_000_000n + BigInt(i)).toString(),
      robot_call_job_id: jobId.toString(),
      result_status: "NO_ANSWER",
      chat_duration: 0,
    }));
    for (let i = 0; i < items.length; i += 300) await ingestCallRecords(items.slice(i, i + 300), { source: "api" });
    const { batchId, queued } = await createBatch({ selection: { type: "job", jobId: jobId.toString() }, kind: "submit", createdBy: "test", resendAccepted: false, timeZone: "UTC" });
    expect(queued).toBe(600);

    const first = startWorker();
    for (;;) {
      const n = await prisma.submissionAttempt.count({ where: { batchId } });
      if (n >= 100) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const inFlightAtKill = await prisma.submissionJob.count({ where: { batchId, state: "in_flight" } });

    const second = startWorker();
    try {
      for (;;) {
        const batch = await prisma.submissionBatch.findUniqueOrThrow({ where: { id: batchId } });
        if (batch.status === "done") break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      second.kill("SIGTERM");
      await new Promise((r) => second.once("exit", r));
    }
    const states = await prisma.callRecord.groupBy({ by: ["submissionState"], where: { robotCallJobId: jobId }, _count: { _all: true } });
    expect(states.map((s) => [s.submissionState, s._count._all])).toEqual([["accepted", 600]]);
    const received = emulator.received.toJSON().apps["crash-app"]!.entries;
    expect(received.length).toBe(600); // every record reached the platform
    // At-least-once: only calls that were on the wire at the kill can have been sent twice.
    expect(received.filter((e) => e.count > 1).length).toBeLessThanOrEqual(inFlightAtKill);
  }, 60_000);
});
