import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCallRecords } from "../../lib/call-records/ingest/mutations";
import { prisma } from "../../lib/db/client";
import { createBatch } from "../../lib/submissions/mutations";
import { SubmissionWorker } from "../../lib/submissions/worker";
import { startTopEmulator, type TopEmulator } from "../top-emulator/server";
import { createTopClient, type TopClient } from "../../lib/top/client";
import { BASE, dispatch, tokenFor } from "../testing/api";
import { resendRejected } from "./resend-rejected";

/**
 * The contract: a client generated from the OpenAPI document (openapi-typescript
 * types + openapi-fetch) runs a real script against the real routes, with the
 * submission worker sending to the TOP emulator over HTTP.
 */

const SECRET = "contract-test-secret";
let emulator: TopEmulator;
let top: TopClient;
let worker: SubmissionWorker;

beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["contract-app", SECRET]]) });
  top = createTopClient({
    gatewayUrl: emulator.gatewayUrl,
    appKey: "contract-app",
    appSecret: SECRET,
    signMethod: "hmac-sha256",
    format: "json",
    timeoutMs: 5_000,
    connectTimeoutMs: 1000,
  });
  worker = new SubmissionWorker(
    top,
    { maxQps: 200, concurrency: 8, maxAttempts: 3, leaseMs: 30_000, backoffBaseMs: 5, backoffMaxMs: 50 },
    { onError: (e) => console.error(e) },
    20,
    100,
  );
});
afterAll(async () => {
  await worker.stop();
  top.close();
  await emulator.close();
});

async function waitFor(done: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("REST API contract", () => {
  it("a generated client lists a job's rejected records, dry-runs and starts a resubmission, follows it to the end and reads each LvmsResultDto", async () => {
    const jobId = "8800000000000000001";
    const ids = Array.from({ length: 6 }, (_, i) => (8_800_000_000_000_000_100n + BigInt(i)).toString());
    await ingestCallRecords(
      ids.map((id) => ({
        call_record_id: id,
        robot_call_job_id: jobId,
        result_status: "ANSWERED",
        start_time: "2026-03-02 10:00:00",
        end_time: "2026-03-02 10:01:00",
        chat_duration: 40,
        name: "王五",
        called_phone_number: "13900001111",
      })),
      { source: "api" },
    );
    // First the platform says no to every record.
    emulator.setFaults({ seed: 3, businessReject: 1 });
    worker.start();
    const first = await createBatch({
      selection: { type: "job", jobId },
      kind: "submit",
      createdBy: "contract-test",
      resendAccepted: false,
      timeZone: "UTC",
    });
    await waitFor(
      async () => (await prisma.submissionBatch.findUniqueOrThrow({ where: { id: first.batchId } })).status === "done",
    );
    expect(
      await prisma.callRecord.count({ where: { robotCallJobId: BigInt(jobId), submissionState: "rejected" } }),
    ).toBe(6);
    emulator.setFaults({});

    const { token } = await tokenFor("supervisor");
    const report = await resendRejected({ baseUrl: BASE, token, jobId, fetch: dispatch, pollMs: 100 });

    expect(report.rejected.sort()).toEqual([...ids].sort());
    expect(report.dryRun).toEqual({ sendable: 6, held_back: [] });
    expect(report.finalState).toBe("done");
    expect(report.outcomes).toHaveLength(6);
    for (const o of report.outcomes) expect(o, o.call_record_id).toMatchObject({ success: true });
    expect(
      await prisma.callRecord.count({ where: { robotCallJobId: BigInt(jobId), submissionState: "accepted" } }),
    ).toBe(6);
  });
});
