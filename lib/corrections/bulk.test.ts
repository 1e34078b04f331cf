import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { parseJsonExact } from "../call-records/json-bigint";
import { prisma } from "../db/client";
import { createBatch } from "../submissions/mutations";
import { SubmissionWorker } from "../submissions/worker";
import { createTopClient, type TopClient } from "../top/client";
import { previewBulkFix, submitBulkFix, type BulkFix } from "./bulk";

// This file's own ids (test files share one database): 7200100000xxxx records, 7200190000xxxx jobs.
let nextRecord = 72_001_000_000_000n;
let nextJob = 72_001_900_000_000n;
const SECRET = "bulk-fix-test-secret";
const actor = { id: null, email: "bulk-fix-test@test.local" };
const ctx = { actor, timeZone: "Asia/Shanghai" };
let emulator: TopEmulator;
let client: TopClient;
let worker: SubmissionWorker;

beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["bulk-app", SECRET]]) });
  client = createTopClient({
    gatewayUrl: emulator.gatewayUrl,
    appKey: "bulk-app",
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

/** Records without an end_time, sent once and rejected by TOP (the emulator rejects everything meanwhile). */
async function rejectedGroup(records: Record<string, unknown>[]): Promise<{ batchId: string; ids: bigint[] }> {
  const job = (nextJob++).toString();
  const ids = records.map(() => nextRecord++);
  const r = await ingestCallRecords(
    records.map((extra, i) => ({
      call_record_id: ids[i]!.toString(),
      robot_call_job_id: job,
      result_status: "ANSWERD",
      start_time: "2026-11-21 10:00:00",
      called_phone_number: "13800001234",
      ...extra,
    })),
    { source: "api" },
  );
  expect(r.summary.rejected).toBe(0);
  emulator.setFaults({ businessReject: 1 });
  try {
    const { batchId } = await createBatch({
      selection: { type: "ids", ids: ids.map(String) },
      kind: "submit",
      createdBy: actor.email,
      timeZone: ctx.timeZone,
    });
    await batchDone(batchId);
    return { batchId: batchId.toString(), ids };
  } finally {
    emulator.setFaults({});
  }
}

async function batchDone(batchId: bigint) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const b = await prisma.submissionBatch.findUniqueOrThrow({ where: { id: batchId } });
    if (b.status === "done") return b;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`batch ${batchId} did not finish`);
}

async function received(id: bigint): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulator.url}/__emulator/received/${id}`);
  const body = (await res.json()) as { params: Record<string, string> };
  return parseJsonExact(body.params.ivr_call_record_d_t_o!) as Record<string, unknown>;
}

describe("bulk fix of a failure group", () => {
  it("previews the count and the first diffs, refuses invalid values, then corrects and resubmits the group", async () => {
    const { batchId, ids } = await rejectedGroup([{}, {}, {}]);
    const group = { batchId, failureCode: "BIZ_REJECTED", reason: "vendor typo" };
    const fix: BulkFix = { ...group, field: "result_status", mode: "set", value: "ANSWERED" };

    const plan = await previewBulkFix(fix);
    if (plan === "too_many") throw new Error("too many");
    expect(plan).toMatchObject({ total: 3, changing: 3, invalid: 0 });
    expect(plan.preview).toHaveLength(3);
    const status = plan.preview[0]!.diff.find((d) => d.field === "result_status")!;
    expect(status).toMatchObject({ sent: "ANSWERD", next: "ANSWERED", changed: true, corrected: true });
    // A preview writes nothing.
    expect(await prisma.callRecordCorrection.count({ where: { record: { callRecordId: { in: ids } } } })).toBe(0);

    const bad = await previewBulkFix({ ...fix, field: "chat_duration", value: "soon" });
    expect(bad).toMatchObject({ total: 3, changing: 0, invalid: 3 });
    expect(bad !== "too_many" && bad.invalidSamples[0]!.errors[0]!.field).toBe("chat_duration");
    expect(await submitBulkFix({ ...fix, field: "chat_duration", value: "soon" }, ctx)).toMatchObject({
      ok: false,
      code: "invalid",
    });

    const done = await submitBulkFix(fix, ctx);
    if (!done.ok) throw new Error(JSON.stringify(done));
    expect(done).toMatchObject({ corrected: 3, batch: { queued: 3 } });
    expect((await prisma.submissionBatch.findUniqueOrThrow({ where: { id: done.batch.batchId } })).kind).toBe(
      "resubmit",
    );
    const after = await batchDone(done.batch.batchId);
    expect(after.finalCounts).toEqual({ accepted: 3 });
    for (const id of ids) expect(await received(id)).toMatchObject({ result_status: "ANSWERED" });
    // Back on the failed batch afterwards (the back button, a second click): nothing of the group is left to fix.
    expect(await previewBulkFix(fix)).toMatchObject({ total: 0, changing: 0, needsApproval: false });
    expect(await submitBulkFix(fix, ctx)).toMatchObject({ ok: false, code: "empty" });
    expect(
      await prisma.auditEvent.count({ where: { action: "submission.bulk_fix", target: `batch:${batchId}` } }),
    ).toBe(1);
  });

  it("computes a missing end_time from start_time + chat_duration, and will not fix a group it cannot fix whole", async () => {
    const { batchId, ids } = await rejectedGroup([{ chat_duration: 42 }, { chat_duration: 90 }, {}]);
    const fix: BulkFix = {
      batchId,
      failureCode: "BIZ_REJECTED",
      field: "end_time",
      mode: "end_from_duration",
      reason: "vendor left end_time out",
    };
    const plan = await previewBulkFix(fix);
    if (plan === "too_many") throw new Error("too many");
    expect(plan).toMatchObject({ total: 3, changing: 2, invalid: 1 });
    expect(plan.invalidSamples).toEqual([
      {
        callRecordId: ids[2]!.toString(),
        errors: [{ field: "end_time", message: "cannot be computed: start_time or chat_duration is missing" }],
      },
    ]);
    expect(plan.preview.map((p) => p.diff.find((d) => d.field === "end_time"))).toEqual([
      { field: "end_time", sent: null, next: "2026-11-21 10:00:42", changed: true, corrected: true },
      { field: "end_time", sent: null, next: "2026-11-21 10:01:30", changed: true, corrected: true },
    ]);
    expect(await submitBulkFix(fix, ctx)).toMatchObject({ ok: false, code: "invalid" });
    expect(await prisma.callRecordCorrection.count({ where: { record: { callRecordId: { in: ids } } } })).toBe(0);
  });
});
