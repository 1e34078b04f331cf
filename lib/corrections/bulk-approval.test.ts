import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { resetEnvCache } from "../env";
import { createTopClient, type TopClient } from "../top/client";

// Approval on for this file only (each test file runs in its own process): every bulk fix waits.
process.env.SUBMISSION_APPROVAL_THRESHOLD = "100";
resetEnvCache();
const { createBatch } = await import("../submissions/mutations");
const { SubmissionWorker } = await import("../submissions/worker");
const { approvalOf } = await import("../approvals/data");
const { previewBulkFix, submitBulkFix } = await import("./bulk");

// This file's own ids (test files share one database): 7200200000xxxx records, 7200290000xxxx jobs.
let nextRecord = 72_002_000_000_000n + BigInt(Date.now() % 1_000) * 1_000n;
const job = (72_002_900_000_000n + BigInt(Date.now() % 100_000)).toString();
const SECRET = "bulk-approval-test-secret";
const ctx = { actor: { id: null, email: "bulk-approval-test@test.local" }, timeZone: "Asia/Shanghai" };
let emulator: TopEmulator;
let client: TopClient;
let worker: InstanceType<typeof SubmissionWorker>;

beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["bulk-approval-app", SECRET]]) });
  client = createTopClient({
    gatewayUrl: emulator.gatewayUrl,
    appKey: "bulk-approval-app",
    appSecret: SECRET,
    signMethod: "hmac-sha256",
    format: "json",
    timeoutMs: 5_000,
    connectTimeoutMs: 1_000,
  });
  const config = { maxQps: 1_000, concurrency: 4, maxAttempts: 1, leaseMs: 30_000, backoffBaseMs: 5, backoffMaxMs: 50 };
  worker = new SubmissionWorker(client, config, { onError: (e) => console.error(e) }, 20, 100);
  worker.start();
});
afterAll(async () => {
  await worker.stop();
  client.close();
  await emulator.close();
});

async function batchDone(batchId: bigint) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const b = await prisma.submissionBatch.findUniqueOrThrow({ where: { id: batchId } });
    if (b.status === "done") return b;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`batch ${batchId} did not finish`);
}

describe("bulk fix with approval on", () => {
  it("waits with a readable diff sample, and a second fix of the same group is not asked while it waits", async () => {
    const ids = [nextRecord++, nextRecord++];
    const pushed = await ingestCallRecords(
      ids.map((id, i) => ({
        call_record_id: id.toString(),
        robot_call_job_id: job,
        result_status: "ANSWERED",
        start_time: "2026-11-21 10:00:00",
        chat_duration: 40 + i,
        called_phone_number: "13800001234",
      })),
      { source: "api" },
    );
    expect(pushed.summary.rejected).toBe(0);
    emulator.setFaults({ businessReject: 1 });
    const sent = await createBatch({
      selection: { type: "ids", ids: ids.map(String) },
      kind: "submit",
      createdBy: ctx.actor.email,
      timeZone: ctx.timeZone,
    });
    expect(sent.awaitingApproval).toBe(false);
    await batchDone(sent.batchId);
    emulator.setFaults({});

    const fix = {
      batchId: sent.batchId.toString(),
      failureCode: "BIZ_REJECTED",
      field: "end_time" as const,
      mode: "end_from_duration" as const,
      reason: "vendor left end_time out",
    };
    expect(await previewBulkFix(fix)).toMatchObject({
      total: 2,
      changing: 2,
      needsApproval: true,
      pendingBatchId: null,
    });

    const done = await submitBulkFix(fix, ctx);
    if (!done.ok) throw new Error(JSON.stringify(done));
    expect(done.batch.awaitingApproval).toBe(true);
    // The sample is stored as the console shows diffs: ids as strings, the phone number masked.
    const request = await approvalOf(done.batch.batchId);
    expect(request?.reasons).toEqual(["bulk_fix"]);
    const sample = request?.diffSample as { call_record_id: string; diff: { field: string; next: string | null }[] }[];
    expect(sample.map((p) => p.call_record_id)).toEqual(ids.map(String));
    expect(sample[0]!.diff.find((d) => d.field === "end_time")?.next).toBe("2026-11-21 10:00:40");
    expect(JSON.stringify(sample)).not.toContain("13800001234");

    // A second click, or the back button and the dialog again: the same group is not asked twice.
    expect(await previewBulkFix(fix)).toMatchObject({ pendingBatchId: done.batch.batchId });
    expect(await submitBulkFix(fix, ctx)).toMatchObject({ ok: false, code: "pending" });
    const [row] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM submission_batches
      WHERE status = 'awaiting_approval' AND selection->>'batchId' = ${fix.batchId}`;
    expect(row?.n).toBe(1);
  });
});
