import { randomInt } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));
const { checkSubmission, retryRecord, submitRecords } = await import("./actions");
const { createBatch } = await import("./mutations");

// Ids of this file's own: test files share one database and run side by side.
let nextRecord = 4_370_000_000_000_000_000n + BigInt(randomInt(0, 1_000_000)) * 1_000_000n;
let nextJob = 5_870_000_000_000_000n + BigInt(randomInt(0, 1_000_000)) * 1_000n;

/** Records of a job of their own, already accepted by TOP. */
async function acceptedRecords(n: number): Promise<{ jobId: string; ids: string[] }> {
  const jobId = (nextJob++).toString();
  const ids = Array.from({ length: n }, () => (nextRecord++).toString());
  const r = await ingestCallRecords(
    ids.map((id) => ({
      call_record_id: id,
      robot_call_job_id: jobId,
      result_status: "ANSWERED",
      start_time: "2026-03-01 09:00:00",
      end_time: "2026-03-01 09:01:00",
      chat_duration: 55,
      name: "张三",
      called_phone_number: "13800001234",
    })),
    { source: "api" },
  );
  expect(r.summary.rejected).toBe(0);
  await prisma.callRecord.updateMany({
    where: { callRecordId: { in: ids.map(BigInt) } },
    data: { submissionState: "accepted" },
  });
  return { jobId, ids };
}

describe("sending accepted records again is an explicit choice", () => {
  it("the enqueue path holds accepted records back unless resendAccepted is passed", async () => {
    const { jobId } = await acceptedRecords(3);
    const selection = { type: "job" as const, jobId };
    expect((await createBatch({ selection, kind: "submit", createdBy: "t", timeZone: "UTC" })).queued).toBe(0);
    expect(
      (await createBatch({ selection, kind: "submit", createdBy: "t", resendAccepted: true, timeZone: "UTC" })).queued,
    ).toBe(3);
  });

  it("a record page's send refuses an accepted record without resendAccepted, and the check counts it", async () => {
    token = (await sessionFor("supervisor")).token;
    const { ids } = await acceptedRecords(1);
    const id = ids[0]!;
    expect(await retryRecord({ callRecordId: id })).toMatchObject({ ok: false, code: "accepted" });
    expect(await submitRecords({ selection: { type: "ids", ids: [id] } })).toMatchObject({
      ok: false,
      code: "nothing_to_send",
    });
    // Nothing was queued: no batch over this record has anything to send.
    expect(
      await prisma.submissionBatch.count({
        where: { selection: { path: ["ids"], array_contains: [id] }, total: { gt: 0 } },
      }),
    ).toBe(0);

    const check = await checkSubmission({ selection: { type: "ids", ids: [id] } });
    expect(check).toMatchObject({ ok: true, data: { matching: 1, sendable: 0, accepted: 1 } });

    const sent = await retryRecord({ callRecordId: id, resendAccepted: true });
    expect(sent.ok).toBe(true);
    const batch = await prisma.submissionBatch.findUniqueOrThrow({
      where: { id: BigInt(sent.ok ? sent.data.batchId : "0") },
    });
    expect(batch).toMatchObject({ kind: "retry", resendAccepted: true, total: 1 });
  });
});
