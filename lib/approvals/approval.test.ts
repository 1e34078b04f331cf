import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { resetEnvCache } from "../env";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { createTopClient } from "../top/client";

// Approval on, at 5 records, for this file only (each test file runs in its own process).
process.env.SUBMISSION_APPROVAL_THRESHOLD = "5";
resetEnvCache();

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));
const { submitRecords, retryRecord } = await import("../submissions/actions");
const { approveSubmission, rejectSubmission } = await import("./actions");
const { createBatch, materializeBatchChunk } = await import("../submissions/mutations");
const { getBatch } = await import("../submissions/data");
const { SubmissionWorker } = await import("../submissions/worker");
const { approvalOf } = await import("./data");
const { expireApprovalRequests } = await import("./expiry");

// This helper's id range (73…): test files share one database and run side by side.
let nextRecord = 73_000_000_000_000n + BigInt(randomInt(0, 4_000)) * 1_000_000n;
let nextJob = 73_008_000_000_000n + BigInt(randomInt(0, 1_000_000)) * 1_000n;

async function seed(n: number, state?: "accepted" | "rejected"): Promise<{ jobId: string; ids: string[] }> {
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
  if (state)
    await prisma.callRecord.updateMany({
      where: { callRecordId: { in: ids.map(BigInt) } },
      data: { submissionState: state },
    });
  return { jobId, ids };
}

const SECRET = "approval-test-secret";
let emulator: TopEmulator;
let maker: { token: string; email: string };
let checker: { token: string; email: string };
beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["approval-app", SECRET]]) });
  maker = await sessionFor("supervisor");
  checker = await sessionFor("supervisor");
});
afterAll(async () => {
  await emulator.close();
});

const received = (jobId: string) =>
  (emulator.received.toJSON().apps["approval-app"]?.entries ?? []).filter((e) => e.robot_call_job_id === jobId);

/** Runs a worker against the emulator until `done`, then stops it. */
async function runWorker(done: () => Promise<boolean>): Promise<void> {
  const client = createTopClient({
    gatewayUrl: emulator.gatewayUrl,
    appKey: "approval-app",
    appSecret: SECRET,
    signMethod: "hmac-sha256",
    format: "json",
    timeoutMs: 5_000,
    connectTimeoutMs: 1_000,
  });
  const cfg = { maxQps: 5_000, concurrency: 8, maxAttempts: 3, leaseMs: 30_000, backoffBaseMs: 5, backoffMaxMs: 50 };
  const w = new SubmissionWorker(client, cfg, {}, 20, 100);
  w.start();
  try {
    const deadline = Date.now() + 30_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await w.stop();
    client.close();
  }
}

async function submitAsMaker(jobId: string, resendAccepted = false) {
  token = maker.token;
  const r = await submitRecords({ selection: { type: "job", jobId }, resendAccepted });
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

describe("four-eyes approval gate", () => {
  it("does not ask below the threshold, and the batch starts at once", async () => {
    const { jobId } = await seed(5);
    const created = await submitAsMaker(jobId);
    expect(created).toMatchObject({ queued: 5, awaitingApproval: false });
    expect((await getBatch(BigInt(created.batchId)))?.status).toBe("running");
    expect(await approvalOf(BigInt(created.batchId))).toBeNull();
  });

  it("holds a batch above the threshold with its request's details, and nothing is materialized", async () => {
    const { jobId } = await seed(6);
    const created = await submitAsMaker(jobId);
    expect(created).toMatchObject({ queued: 6, awaitingApproval: true });
    const id = BigInt(created.batchId);
    // The workers only turn running batches into jobs.
    while (await materializeBatchChunk());
    expect(await prisma.submissionJob.count({ where: { batchId: id } })).toBe(0);
    const batch = await getBatch(id);
    expect(batch).toMatchObject({ status: "awaiting_approval", etaSeconds: null, estimating: false });
    const request = await approvalOf(id);
    expect(request).toMatchObject({ reasons: ["threshold"], requestedBy: maker.email, decision: null, heldBack: [] });
    const hours = (request!.expiresAt.getTime() - request!.requestedAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(24, 3);
  });

  it("asks for every resend of accepted records, however few, but not for a resubmission of failures", async () => {
    const { ids } = await seed(1, "accepted");
    token = maker.token;
    const retried = await retryRecord({ callRecordId: ids[0]!, resendAccepted: true });
    expect(retried).toMatchObject({ ok: true, data: { awaitingApproval: true } });
    const id = BigInt(retried.ok ? retried.data.batchId : "0");
    expect(await approvalOf(id)).toMatchObject({ reasons: ["resend_accepted"] });

    const failed = await seed(2, "rejected");
    const resubmit = await createBatch({
      selection: { type: "job", jobId: failed.jobId },
      kind: "resubmit",
      createdBy: maker.email,
      resendAccepted: true,
      onlyFailures: true,
      timeZone: "UTC",
    });
    expect(resubmit).toMatchObject({ queued: 2, awaitingApproval: false });
  });

  it("asks for a bulk fix with its diff sample; an automatic rule's batch is exempt", async () => {
    const small = await seed(2, "rejected");
    const diffSample = [
      { call_record_id: small.ids[0], fields: { end_time: { from: null, to: "2026-03-01 09:01:00" } } },
    ];
    const fix = await createBatch({
      selection: { type: "job", jobId: small.jobId },
      kind: "resubmit",
      createdBy: maker.email,
      resendAccepted: true,
      onlyFailures: true,
      timeZone: "UTC",
      requireApproval: { reason: "bulk_fix", diffSample },
    });
    expect(fix.awaitingApproval).toBe(true);
    expect(await approvalOf(fix.batchId)).toMatchObject({ reasons: ["bulk_fix"], diffSample });

    const big = await seed(8);
    const rule = await createBatch({
      selection: { type: "job", jobId: big.jobId },
      kind: "submit",
      createdBy: "rule:nightly",
      timeZone: "UTC",
      exemptFromApproval: true,
    });
    expect(rule).toMatchObject({ queued: 8, awaitingApproval: false });
  });
});

describe("deciding a request", () => {
  it("is refused to the requester, and another supervisor's approval starts the sending", async () => {
    const { jobId } = await seed(7);
    const { batchId } = await submitAsMaker(jobId);

    token = maker.token;
    const own = await approveSubmission({ batchId, comment: "looks right to me" });
    expect(own).toMatchObject({ ok: false, code: "own_request" });
    expect(own.ok ? "" : own.message).toMatch(/another supervisor/);
    expect((await getBatch(BigInt(batchId)))?.status).toBe("awaiting_approval");

    token = checker.token;
    expect(await approveSubmission({ batchId, comment: "checked the filter" })).toMatchObject({
      ok: true,
      data: { state: "running" },
    });
    expect(await approvalOf(BigInt(batchId))).toMatchObject({
      decision: "approved",
      decidedBy: checker.email,
      comment: "checked the filter",
    });
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "submission.approve", target: `batch:${batchId}` },
    });
    expect(audit?.actorEmail).toBe(checker.email);
    // A second decision finds nothing waiting.
    expect(await rejectSubmission({ batchId, comment: "too late" })).toMatchObject({ ok: false, code: "not_awaiting" });

    await runWorker(async () => (await getBatch(BigInt(batchId)))?.status === "done");
    expect(received(jobId).length).toBe(7);
    expect((await getBatch(BigInt(batchId)))?.counts.accepted).toBe(7);
  });

  it("a rejection needs a comment and ends the batch with nothing sent", async () => {
    const { jobId } = await seed(6);
    const { batchId } = await submitAsMaker(jobId);
    token = checker.token;
    expect(await rejectSubmission({ batchId, comment: "  " })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await rejectSubmission({ batchId, comment: "wrong job" })).toMatchObject({
      ok: true,
      data: { state: "rejected" },
    });
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "submission.reject", target: `batch:${batchId}` },
    });
    expect(audit?.details).toMatchObject({ comment: "wrong job" });
    expect(await approveSubmission({ batchId })).toMatchObject({ ok: false, code: "not_awaiting" });

    // A worker running meanwhile sends nothing of it.
    const other = await seed(2);
    const control = await submitAsMaker(other.jobId);
    await runWorker(async () => (await getBatch(BigInt(control.batchId)))?.status === "done");
    expect(received(jobId)).toEqual([]);
    expect(await prisma.submissionJob.count({ where: { batchId: BigInt(batchId) } })).toBe(0);
    expect(await getBatch(BigInt(batchId))).toMatchObject({ status: "rejected", etaSeconds: null });
  });

  it("expires after 24 h: shown expired at once, then marked, and cannot be approved", async () => {
    const { jobId } = await seed(6);
    const { batchId } = await submitAsMaker(jobId);
    const id = BigInt(batchId);
    await prisma.submissionApproval.update({
      where: { batchId: id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect((await getBatch(id))?.status).toBe("expired");
    expect(await approvalOf(id)).toMatchObject({ decision: "expired" });

    expect(await expireApprovalRequests()).toContain(id);
    expect(await prisma.submissionBatch.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "expired" });
    expect(
      await prisma.auditEvent.count({ where: { action: "submission.approval_expired", target: `batch:${id}` } }),
    ).toBe(1);

    token = checker.token;
    expect(await approveSubmission({ batchId })).toMatchObject({ ok: false, code: "not_awaiting" });
  });

  it("an approver who comes after the 24 h is told it expired, and it is marked so", async () => {
    const { jobId } = await seed(6);
    const { batchId } = await submitAsMaker(jobId);
    const id = BigInt(batchId);
    await prisma.submissionApproval.update({ where: { batchId: id }, data: { expiresAt: new Date(Date.now() - 1) } });
    token = checker.token;
    expect(await approveSubmission({ batchId })).toMatchObject({ ok: false, code: "expired" });
    expect(await prisma.submissionBatch.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "expired" });
    expect(await prisma.submissionJob.count({ where: { batchId: id } })).toBe(0);
  });
});
