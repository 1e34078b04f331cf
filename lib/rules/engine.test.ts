import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { createBatch } from "../submissions/mutations";
import { SubmissionWorker } from "../submissions/worker";
import { createTopClient, type TopClient } from "../top/client";
import { dryRunRule } from "./data";
import { evaluateRule, holdForConfiguration, type RuleTickOptions } from "./engine";
import { RuleLoop } from "./loop";
import { createRule } from "./mutations";

/** Reporting rules end to end: the engine queues, the real worker sends to the TOP emulator. */

const SECRET = "rules-test-secret";
const TZ = "Asia/Shanghai";
const OPTS: RuleTickOptions = { timeZone: TZ, rejectionPausePercent: 20 };
// This file's id range (test files share one database).
let nextJob = 71_000_000_000_000n;
let nextRecord = 71_005_000_000_000n;
let emulator: TopEmulator;
let client: TopClient;
const workers: SubmissionWorker[] = [];
const actor = { id: 1n, email: "rules-test@example.com" };
// A moment no other record in the shared test database has: a narrow walk started here meets this file's records first.
const ALONE = new Date("1999-06-01T00:00:00Z");

beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["rules-app", SECRET]]) });
  client = createTopClient({
    gatewayUrl: emulator.gatewayUrl,
    appKey: "rules-app",
    appSecret: SECRET,
    signMethod: "hmac-sha256",
    format: "json",
    timeoutMs: 5_000,
    connectTimeoutMs: 1_000,
  });
});
afterEach(async () => {
  emulator.setFaults({});
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  client.close();
  await emulator.close();
});

function startWorker() {
  const w = new SubmissionWorker(
    client,
    { maxQps: 5_000, concurrency: 8, maxAttempts: 2, leaseMs: 30_000, backoffBaseMs: 5, backoffMaxMs: 20 },
    { onError: (e) => console.error(e) },
    20,
    100,
  );
  workers.push(w);
  w.start();
  return w;
}

/**
 * `settled`: the records' last change is put five minutes back. The settle boundary never passes the oldest
 * transaction still open in the database, and other test files keep some open: a rule with a delay of 0 must
 * not wait for them.
 */
async function ingest(jobId: bigint, n: number, opts: { settled?: boolean } = {}): Promise<bigint[]> {
  const ids = Array.from({ length: n }, () => nextRecord++);
  const r = await ingestCallRecords(
    ids.map((id) => ({
      call_record_id: id.toString(),
      robot_call_job_id: jobId.toString(),
      result_status: "ANSWERED",
      start_time: "2026-03-01 09:00:00",
      end_time: "2026-03-01 09:01:00",
      chat_duration: 55,
      called_phone_number: "13800001234",
    })),
    { source: "api" },
  );
  expect(r.summary.rejected).toBe(0);
  if (opts.settled)
    await prisma.$executeRaw`
      UPDATE call_records SET updated_at = now() - interval '5 minutes' WHERE robot_call_job_id = ${jobId}`;
  return ids;
}

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${String(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const statesOf = async (jobId: bigint) =>
  Object.fromEntries(
    (
      await prisma.callRecord.groupBy({
        by: ["submissionState"],
        where: { robotCallJobId: jobId },
        _count: { _all: true },
      })
    ).map((r) => [r.submissionState, r._count._all]),
  );
const batchesOf = (ruleId: bigint) => prisma.submissionBatch.findMany({ where: { ruleId }, orderBy: { id: "asc" } });
const receivedOf = (jobId: bigint) =>
  (emulator.received.toJSON().apps["rules-app"]?.entries ?? []).filter((e) => e.robot_call_job_id === jobId.toString());

describe("reporting rules", () => {
  it("sends records ingested after it was enabled, once, after the settle delay, and none accepted before", async () => {
    const jobId = nextJob++;
    const before = await ingest(jobId, 3);
    const manual = await createBatch({
      selection: { type: "job", jobId: jobId.toString() },
      kind: "submit",
      createdBy: "someone",
      timeZone: TZ,
    });
    startWorker();
    await waitFor(
      () => statesOf(jobId),
      (s) => s.accepted === 3,
    );

    const rule = await createRule(
      { name: `after enable ${jobId}`, filter: `job=${jobId}`, settleSeconds: 2, dailyCap: null, enabled: true },
      actor,
    );
    const after = await ingest(jobId, 5);
    // Not settled yet: nothing is queued, and the dry run says why.
    expect((await evaluateRule(rule.id, OPTS)).queued).toBe(0);
    expect(await dryRunRule({ ruleId: rule.id, filter: rule.filter, settleSeconds: 2, dailyCap: null }, TZ)).toEqual({
      matching: 8,
      wouldSend: 0,
      heldBack: [
        { reason: "accepted", count: 3 },
        { reason: "not_settled", count: 5 },
      ],
    });
    await new Promise((r) => setTimeout(r, 2_200));
    expect(await dryRunRule({ ruleId: rule.id, filter: rule.filter, settleSeconds: 2, dailyCap: null }, TZ)).toEqual({
      matching: 8,
      wouldSend: 5,
      heldBack: [{ reason: "accepted", count: 3 }],
    });

    // The worker's loop picks the rule up on its own.
    const loop = new RuleLoop(OPTS, { onError: (e) => console.error(e) }, 100);
    loop.start();
    try {
      await waitFor(
        () => statesOf(jobId),
        (s) => s.accepted === 8,
      );
      const [batch] = await waitFor(
        () => batchesOf(rule.id),
        (b) => b.length === 1 && b[0]!.status === "done",
      );
      expect(batch).toMatchObject({ total: 5, createdBy: actor.email, kind: "submit" });
      // Ticks go on: nothing is queued again.
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await loop.stop();
    }
    expect((await evaluateRule(rule.id, OPTS)).queued).toBe(0);
    expect(await batchesOf(rule.id)).toHaveLength(1);
    const received = receivedOf(jobId);
    expect(received.map((e) => e.call_record_id).sort()).toEqual([...before, ...after].map(String).sort());
    expect(received.every((e) => e.count === 1)).toBe(true);
    const jobs = await prisma.submissionJob.findMany({ where: { batch: { ruleId: rule.id } } });
    expect(jobs.map((j) => j.recordId).length).toBe(5);
    expect(manual.queued).toBe(3);

    // A vendor re-push that changes a record brings it back in front of the rule, which still does not resend it (accepted).
    const dry = await dryRunRule({ ruleId: rule.id, filter: rule.filter, settleSeconds: 2, dailyCap: null }, TZ);
    expect(dry).toEqual({ matching: 8, wouldSend: 0, heldBack: [{ reason: "accepted", count: 8 }] });
  });

  it("holds to its daily cap, and takes the rest the next day", async () => {
    const jobId = nextJob++;
    await ingest(jobId, 5, { settled: true });
    const rule = await createRule(
      { name: `cap ${jobId}`, filter: `job=${jobId}`, settleSeconds: 0, dailyCap: 3, enabled: true },
      actor,
    );
    const first = await evaluateRule(rule.id, OPTS);
    expect(first.queued).toBe(3);
    expect((await evaluateRule(rule.id, OPTS)).queued).toBe(0);
    expect(await dryRunRule({ ruleId: rule.id, filter: rule.filter, settleSeconds: 0, dailyCap: 3 }, TZ)).toEqual({
      matching: 5,
      wouldSend: 0,
      heldBack: [
        { reason: "in_flight", count: 3 },
        { reason: "daily_cap", count: 2 },
      ],
    });
    expect(await statesOf(jobId)).toEqual({ queued: 3, not_submitted: 2 });
    // The next day: today's batch is yesterday's.
    await prisma.$executeRaw`UPDATE submission_batches SET rule_day = rule_day - 1 WHERE rule_id = ${rule.id}`;
    const next = await evaluateRule(rule.id, OPTS);
    expect(next.queued).toBe(2);
    expect(next.batchId).not.toBe(first.batchId);
    expect(await statesOf(jobId)).toEqual({ queued: 5 });
    await prisma.$executeRaw`
      UPDATE submission_batches SET status = 'cancelled' WHERE rule_id = ${rule.id}`;
  });

  it("pauses itself when TOP rejects half of its records, with a reason on the audit trail", async () => {
    const jobId = nextJob++;
    await ingest(jobId, 40, { settled: true });
    emulator.setFaults({ seed: 7, businessReject: 0.5 });
    const rule = await createRule(
      { name: `breaker ${jobId}`, filter: `job=${jobId}`, settleSeconds: 0, dailyCap: null, enabled: true },
      actor,
    );
    expect((await evaluateRule(rule.id, OPTS)).queued).toBe(40);
    startWorker();
    await waitFor(
      () => batchesOf(rule.id),
      (b) => b[0]?.status === "done",
    );
    const tick = await evaluateRule(rule.id, OPTS);
    expect(tick).toMatchObject({ queued: 0, paused: true });
    const paused = await prisma.reportingRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(paused.pausedKind).toBe("rejections");
    expect(paused.pausedReason).toMatch(/TOP rejected \d+ of the rule's last 40 records \(\d+%, above 20%\)/);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "rule.paused", target: `rule:${rule.id}` } });
    expect(audit?.details).toMatchObject({ reason: paused.pausedReason });
    // Paused: a new record is not queued.
    await ingest(jobId, 1);
    expect((await evaluateRule(rule.id, OPTS)).queued).toBe(0);
  });

  it("is held, with every rule, while a batch is paused by a configuration error", async () => {
    const jobId = nextJob++;
    const ids = await ingest(jobId, 2, { settled: true });
    const rule = await createRule(
      { name: `config ${jobId}`, filter: `job=${jobId}`, settleSeconds: 0, dailyCap: null, enabled: true },
      actor,
    );
    const batch = await createBatch({
      selection: { type: "ids", ids: [String(nextRecord - 1n)] },
      kind: "submit",
      createdBy: "someone",
      timeZone: TZ,
    });
    await prisma.submissionBatch.update({
      where: { id: batch.batchId },
      data: { status: "paused", pausedReason: "TOP refused the app's configuration: 29 Invalid app Key" },
    });
    try {
      expect(await holdForConfiguration()).toBe(true);
      const held = await prisma.reportingRule.findUniqueOrThrow({ where: { id: rule.id } });
      expect(held.pausedKind).toBe("config");
      // The first paused batch names the hold (another test file may have one paused too).
      expect(held.pausedReason).toMatch(/^Batch #\d+ is paused: /);
      expect((await evaluateRule(rule.id, OPTS)).queued).toBe(0);
      expect(await prisma.auditEvent.count({ where: { action: "rule.paused", target: `rule:${rule.id}` } })).toBe(1);
    } finally {
      await prisma.submissionBatch.update({ where: { id: batch.batchId }, data: { status: "cancelled" } });
    }
    // Once no batch is paused, the rule resumes on its own (another test file may pause one for a moment).
    await waitFor(holdForConfiguration, (held) => !held);
    expect(await prisma.reportingRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({
      pausedKind: null,
    });
    // A window of one row per tick: the walk goes on from its mark, each record once. The two records get a
    // moment of their own and the walk starts just before it; the whole shared database lies after them.
    const [a, b] = ids; // call_record_ids
    await prisma.$executeRaw`UPDATE call_records SET updated_at = ${ALONE} WHERE call_record_id = ${a}`;
    await prisma.$executeRaw`UPDATE call_records SET updated_at = ${new Date(ALONE.getTime() + 1_000)} WHERE call_record_id = ${b}`;
    await prisma.reportingRule.update({
      where: { id: rule.id },
      data: { cursorUpdatedAt: new Date(ALONE.getTime() - 1), cursorId: 0n },
    });
    const narrow = { ...OPTS, scan: 1 };
    const ticks = [];
    for (let i = 0; i < 3; i++) ticks.push(await evaluateRule(rule.id, narrow));
    expect(ticks.map((t) => t.queued)).toEqual([1, 1, 0]);
    expect(ticks[0]!.full && ticks[1]!.full).toBe(true);
    expect(await statesOf(jobId)).toEqual({ queued: 2 });
  });
});
