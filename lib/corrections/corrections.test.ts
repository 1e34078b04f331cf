import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { parseJsonExact } from "../call-records/json-bigint";
import { prisma } from "../db/client";
import { createBatch } from "../submissions/mutations";
import { SubmissionWorker } from "../submissions/worker";
import { createTopClient, type TopClient } from "../top/client";
import { recordPayload } from "./data";
import { saveCorrection, withdrawCorrection } from "./mutations";

// Ids of this file's own (test files share one database): 7200000000xxxx records, 72009000000xxx jobs.
let nextRecord = 72_000_000_000_100n;
let nextJob = 72_009_000_000_100n;
const SECRET = "corrections-test-secret";
const actor = { id: null, email: "corrections-test@test.local" };
let emulator: TopEmulator;
let client: TopClient;
let worker: SubmissionWorker;

beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["corrections-app", SECRET]]) });
  client = createTopClient({
    gatewayUrl: emulator.gatewayUrl,
    appKey: "corrections-app",
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

async function seed(extra: Record<string, unknown> = {}): Promise<bigint> {
  const id = nextRecord++;
  const r = await ingestCallRecords(
    [
      {
        call_record_id: id.toString(),
        robot_call_job_id: (nextJob++).toString(),
        result_status: "ANSWERD",
        start_time: "2026-11-20 09:00:00",
        end_time: "2026-11-20 09:01:00",
        chat_duration: 60,
        name: "张三",
        called_phone_number: "13800001234",
        ...extra,
      },
    ],
    { source: "api" },
  );
  expect(r.summary.rejected).toBe(0);
  return id;
}

async function send(id: bigint): Promise<string> {
  const before = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } });
  const { queued } = await createBatch({
    selection: { type: "ids", ids: [id.toString()] },
    kind: "retry",
    createdBy: actor.email,
    resendAccepted: true,
    timeZone: "Asia/Shanghai",
  });
  expect(queued).toBe(1);
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const r = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } });
    if (r.submissionAttempts > before.submissionAttempts && !["queued", "in_flight"].includes(r.submissionState))
      return r.submissionState;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`record ${id} was not sent`);
}

/** What the emulator (TOP) received last for the record, as wire values. */
async function received(id: bigint): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulator.url}/__emulator/received/${id}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { params: Record<string, string> };
  return parseJsonExact(body.params.ivr_call_record_d_t_o!) as Record<string, unknown>;
}

describe("corrections of reported fields", () => {
  it("sends the corrected fields on the next attempt, and the diff shows what TOP got against what it will get", async () => {
    const id = await seed();
    expect(await send(id)).toBe("accepted");
    expect((await received(id)).result_status).toBe("ANSWERD");

    const saved = await saveCorrection({
      callRecordId: id,
      fields: { result_status: " ANSWERED ", end_time: "2026-11-20 09:02:00", called_phone_number: "13900005678" },
      reason: "vendor typo",
      actor,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const diff = Object.fromEntries(saved.payload.diff.map((d) => [d.field, d]));
    expect(diff.result_status).toMatchObject({ sent: "ANSWERD", next: "ANSWERED", changed: true, corrected: true });
    expect(diff.end_time).toMatchObject({ sent: "2026-11-20 09:01:00", next: "2026-11-20 09:02:00", changed: true });
    expect(diff.chat_duration).toMatchObject({ sent: "60", next: "60", changed: false, corrected: false });
    // Phone numbers are masked in the diff, both sides.
    expect(diff.called_phone_number!.sent).not.toContain("13800001234");
    expect(diff.called_phone_number!.next).not.toContain("13900005678");
    expect(diff.called_phone_number!.changed).toBe(true);

    // The received record is untouched.
    const stored = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } });
    expect(stored.resultStatus).toBe("ANSWERD");
    expect(stored.calledPhoneNumber).toBe("13800001234");

    expect(await send(id)).toBe("accepted");
    const got = await received(id);
    expect(got).toMatchObject({
      result_status: "ANSWERED",
      end_time: "2026-11-20 09:02:00",
      called_phone_number: "13900005678",
      start_time: "2026-11-20 09:00:00",
      name: "张三",
    });
    const after = await recordPayload(id);
    expect(after!.diff.every((d) => !d.changed)).toBe(true);

    // The audit names the fields, never the values.
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "call.correct", target: `call:${id}` },
      orderBy: { id: "desc" },
    });
    expect(JSON.stringify(audit.details)).not.toContain("13900005678");
    expect(audit.details).toMatchObject({ fields: ["result_status", "end_time", "called_phone_number"] });
  });

  it("keeps the correction when the vendor pushes the record again, and says so", async () => {
    const id = await seed();
    const saved = await saveCorrection({
      callRecordId: id,
      fields: { result_status: "ANSWERED" },
      reason: "fix",
      actor,
    });
    expect(saved.ok).toBe(true);
    expect((await recordPayload(id))!.correction!.repushedAt).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    const job = (await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } })).robotCallJobId;
    const pushed = await ingestCallRecords(
      [
        {
          call_record_id: id.toString(),
          robot_call_job_id: job.toString(),
          result_status: "ANSWERD",
          start_time: "2026-11-20 09:00:00",
          end_time: "2026-11-20 09:01:00",
          chat_duration: 61,
        },
      ],
      { source: "api" },
    );
    expect(pushed.results[0]!.outcome).toBe("updated");
    const payload = (await recordPayload(id))!;
    expect(payload.correction!.fields).toEqual(["result_status"]);
    expect(payload.correction!.repushedAt).not.toBeNull();
    const diff = Object.fromEntries(payload.diff.map((d) => [d.field, d]));
    expect(diff.result_status!.next).toBe("ANSWERED");
    expect(diff.chat_duration!.next).toBe("61");
    expect(await send(id)).toBe("accepted");
    expect(await received(id)).toMatchObject({ result_status: "ANSWERED", chat_duration: 61 });
  });

  it("refuses invalid values with an error per field, and stores nothing", async () => {
    const id = await seed();
    const bad = await saveCorrection({
      callRecordId: id,
      fields: { chat_duration: -3, start_time: "yesterday", call_record_id: "1", rpc_context: {} },
      reason: "bad",
      actor,
    });
    expect(bad.ok).toBe(false);
    if (bad.ok || bad.code !== "invalid") throw new Error("expected invalid");
    expect(bad.errors.map((e) => e.field).sort()).toEqual(["call_record_id", "rpc_context"]);

    const values = await saveCorrection({
      callRecordId: id,
      fields: { chat_duration: -3, start_time: "yesterday", robot_call_job_id: null },
      reason: "bad",
      actor,
    });
    if (values.ok || values.code !== "invalid") throw new Error("expected invalid");
    expect(values.errors.map((e) => e.field).sort()).toEqual(["chat_duration", "robot_call_job_id", "start_time"]);

    // The cross-field rule holds on the record as it would be sent.
    const order = await saveCorrection({
      callRecordId: id,
      fields: { end_time: "2026-11-20 08:00:00" },
      reason: "x",
      actor,
    });
    if (order.ok || order.code !== "invalid") throw new Error("expected invalid");
    expect(order.errors).toEqual([{ field: "end_time", message: "is before start_time" }]);

    expect(await prisma.callRecordCorrection.count({ where: { record: { callRecordId: id } } })).toBe(0);
    const missing = await saveCorrection({
      callRecordId: 72_009_999_999_999n,
      fields: { name: "x" },
      reason: "x",
      actor,
    });
    expect(missing).toEqual({ ok: false, code: "not_found" });
  });

  it("withdraws a correction: the next attempt sends the received record again", async () => {
    const id = await seed();
    await saveCorrection({ callRecordId: id, fields: { name: "李四" }, reason: "wrong name", actor });
    // A second correction merges into the first.
    await saveCorrection({
      callRecordId: id,
      fields: { result_status: "ANSWERED", chat_duration: null },
      reason: "more",
      actor,
    });
    const merged = (await recordPayload(id))!;
    expect(merged.correction).toMatchObject({ fields: ["result_status", "chat_duration", "name"], reason: "more" });
    expect(merged.diff.find((d) => d.field === "chat_duration")!.next).toBeNull();

    const withdrawn = await withdrawCorrection({ callRecordId: id, actor });
    expect(withdrawn).toMatchObject({ ok: true, withdrawn: true });
    expect(await send(id)).toBe("accepted");
    expect(await received(id)).toMatchObject({ result_status: "ANSWERD", name: "张三", chat_duration: 60 });
    expect((await recordPayload(id))!.correction).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "call.correction_withdraw", target: `call:${id}` } })).toBe(
      1,
    );
    // Withdrawing again changes nothing and is not audited twice.
    expect(await withdrawCorrection({ callRecordId: id, actor })).toMatchObject({ ok: true, withdrawn: false });
  });
});
