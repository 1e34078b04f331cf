import { describe, expect, it } from "vitest";
import { claimedJobs } from "../../dev/testing/claimed-jobs";
import { Prisma, prisma } from "../db/client";
import type { TopCallResult } from "../top/client";
import { getBatch } from "./data";
import { cancelBatch } from "./mutations";
import { settleJobs, type Answer, type ClaimedJob, type SettleConfig } from "./queue";
import { SettleGroups } from "./settle-group";

// Retries are due in an hour: no worker of another test file may take these jobs meanwhile.
const config: SettleConfig = { maxAttempts: 3, backoffBaseMs: 3_600_000, backoffMaxMs: 3_600_000 };
const claimed = claimedJobs({ firstJob: 5_600_000_000_000_000n, firstRecord: 4_100_000_000_000_000_000n });

const at = (job: ClaimedJob, attempt: number): ClaimedJob => ({ ...job, attempt });

function answer(job: ClaimedJob, call: Partial<TopCallResult> & Pick<TopCallResult, "kind">): Answer {
  return {
    job,
    call: {
      latencyMs: 3,
      sentParams: { method: "alibaba.lvms.lvr.receivecallrecord" },
      sentAt: new Date(),
      answeredAt: new Date(),
      ...call,
    },
  };
}
const accepted = (job: ClaimedJob) =>
  answer(job, {
    kind: "accepted",
    httpStatus: 200,
    result: { count: 1, success: true, code: "0", message: "ok" },
    rawAnswer: "{}",
  });
const rejected = (job: ClaimedJob) =>
  answer(job, {
    kind: "rejected",
    httpStatus: 200,
    error: { code: 41, msg: "Invalid arguments", sub_code: "isv.invalid-parameter", sub_msg: "bad phone" },
  });
const transient = (job: ClaimedJob) => answer(job, { kind: "transient", httpStatus: 502, transportError: "HTTP 502" });
const refused = (job: ClaimedJob) =>
  answer(job, { kind: "config", httpStatus: 200, error: { code: 25, msg: "Invalid signature" } });

async function jobStates(batchId: bigint) {
  const rows = await prisma.submissionJob.findMany({ where: { batchId }, orderBy: { id: "asc" } });
  return rows.map((j) => [j.state, j.attempts]);
}
async function recordStates(jobId: bigint) {
  const rows = await prisma.callRecord.findMany({ where: { robotCallJobId: jobId }, orderBy: { id: "asc" } });
  return rows.map((r) => [r.submissionState, r.submissionAttempts, r.lastResultCode]);
}

/** The job's records by submission state, counted afresh and from the rollups (plus pending deltas), in one snapshot. */
async function rollupVersusRecords(jobId: bigint) {
  return prisma.$transaction(
    async (tx) => {
      const fresh = await tx.$queryRaw<{ state: string; n: number }[]>(Prisma.sql`
      SELECT submission_state::text AS state, count(*)::int AS n FROM call_records WHERE robot_call_job_id = ${jobId} GROUP BY 1 ORDER BY 1`);
      const kept = await tx.$queryRaw<{ state: string; n: number }[]>(Prisma.sql`
      SELECT submission_state::text AS state, sum(records)::int AS n
      FROM (SELECT submission_state, records FROM call_record_rollups WHERE robot_call_job_id = ${jobId}
            UNION ALL SELECT submission_state, records FROM call_record_rollup_deltas WHERE robot_call_job_id = ${jobId}) k
      GROUP BY 1 HAVING sum(records) <> 0 ORDER BY 1`);
      return { fresh, kept };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

describe("grouped settle", () => {
  it("records every answer of a mixed group in one go: ledger, jobs, records, rollups", async () => {
    const { jobId, batchId, jobs } = await claimed(5);
    // The fifth job was taken over by another worker after its lease ran out (now on attempt 2): this worker's late answer is stale.
    await prisma.$executeRaw`UPDATE submission_jobs SET attempts = 2 WHERE id = ${jobs[4]!.jobId}`;
    // The fourth is on its last attempt.
    await prisma.$executeRaw`UPDATE submission_jobs SET attempts = 3 WHERE id = ${jobs[3]!.jobId}`;
    const settlements = await settleJobs(
      [accepted(jobs[0]!), rejected(jobs[1]!), transient(jobs[2]!), transient(at(jobs[3]!, 3)), accepted(jobs[4]!)],
      config,
    );
    expect(settlements).toEqual(["accepted", "rejected", "retrying", "failed", "stale"]);

    // One ledger row per HTTP call, the stale one included.
    const ledger = await prisma.submissionAttempt.findMany({ where: { batchId }, orderBy: { jobId: "asc" } });
    expect(ledger.map((a) => [a.jobId, a.outcome])).toEqual([
      [jobs[0]!.jobId, "accepted"],
      [jobs[1]!.jobId, "rejected"],
      [jobs[2]!.jobId, "transient"],
      [jobs[3]!.jobId, "transient"],
      [jobs[4]!.jobId, "accepted"],
    ]);
    expect(ledger[1]).toMatchObject({
      errorCode: 41,
      errorSubCode: "isv.invalid-parameter",
      errorSubMsg: "bad phone",
      httpStatus: 200,
    });
    expect(ledger[2]).toMatchObject({ transportError: "HTTP 502", httpStatus: 502, latencyMs: 3 });
    expect(ledger[0]!.params).toEqual({ method: "alibaba.lvms.lvr.receivecallrecord" });

    // attempts: the claim counted them; the fourth ran out of attempts. The stale job is its new worker's.
    expect(await jobStates(batchId)).toEqual([
      ["accepted", 1],
      ["rejected", 1],
      ["retrying", 1],
      ["failed", 3],
      ["in_flight", 2],
    ]);
    const retry = await prisma.submissionJob.findUniqueOrThrow({ where: { id: jobs[2]!.jobId } });
    expect(retry.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect(retry.leaseUntil).toBeNull();
    expect(await recordStates(jobId)).toEqual([
      ["accepted", 1, "0"],
      ["rejected", 1, "41/isv.invalid-parameter"],
      ["retrying", 1, "transport"],
      ["failed", 1, "transport"],
      ["in_flight", 0, null],
    ]);
    const { fresh, kept } = await rollupVersusRecords(jobId);
    expect(kept).toEqual(fresh);
    expect(fresh.length).toBe(5);

    // Not done while a job is waiting for its retry.
    expect((await prisma.submissionBatch.findUniqueOrThrow({ where: { id: batchId } })).status).toBe("running");
    await cancelBatch(batchId);
  });

  it("settles a job from its current attempt's answer when a late answer of an earlier attempt is in the same group", async () => {
    const { jobId, batchId, jobs } = await claimed(1);
    // Attempt 1's lease ran out and the job was claimed again; both answers arrive together.
    await prisma.$executeRaw`UPDATE submission_jobs SET attempts = 2 WHERE id = ${jobs[0]!.jobId}`;
    expect(await settleJobs([accepted(at(jobs[0]!, 2)), transient(jobs[0]!)], config)).toEqual(["accepted", "stale"]);
    expect(await jobStates(batchId)).toEqual([["accepted", 2]]);
    expect(await recordStates(jobId)).toEqual([["accepted", 1, "0"]]);
    expect(await prisma.submissionAttempt.count({ where: { batchId } })).toBe(2);
    expect((await prisma.submissionBatch.findUniqueOrThrow({ where: { id: batchId } })).status).toBe("done");
  });

  it("finishes the batch when a group holds its last jobs, and pauses it on a configuration error", async () => {
    const done = await claimed(4);
    expect(await settleJobs([...done.jobs.slice(0, 3).map(accepted), rejected(done.jobs[3]!)], config)).toEqual([
      "accepted",
      "accepted",
      "accepted",
      "rejected",
    ]);
    const finished = await prisma.submissionBatch.findUniqueOrThrow({ where: { id: done.batchId } });
    expect(finished.status).toBe("done");
    // Its counts are kept with it, and read from there: a done batch's jobs are not counted again.
    expect(finished.finalCounts).toEqual({ accepted: 3, rejected: 1 });
    await prisma.$executeRaw`UPDATE submission_batches SET final_counts = '{"accepted": 2, "rejected": 2}'::jsonb WHERE id = ${done.batchId}`;
    expect((await getBatch(done.batchId))?.counts).toMatchObject({ accepted: 2, rejected: 2, queued: 0, in_flight: 0 });
    await prisma.$executeRaw`UPDATE submission_batches SET final_counts = NULL WHERE id = ${done.batchId}`;
    expect((await getBatch(done.batchId))?.counts).toMatchObject({ accepted: 3, rejected: 1, queued: 0, in_flight: 0 });
    expect(await rollupVersusRecords(done.jobId)).toEqual({
      fresh: [
        { state: "accepted", n: 3 },
        { state: "rejected", n: 1 },
      ],
      kept: [
        { state: "accepted", n: 3 },
        { state: "rejected", n: 1 },
      ],
    });

    const paused = await claimed(3);
    expect(
      await settleJobs([accepted(paused.jobs[0]!), refused(paused.jobs[1]!), refused(paused.jobs[2]!)], config),
    ).toEqual(["accepted", "paused", "paused"]);
    const batch = await prisma.submissionBatch.findUniqueOrThrow({ where: { id: paused.batchId } });
    expect(batch.status).toBe("paused");
    expect(batch.pausedReason).toBe("TOP refused the app's configuration: 25 Invalid signature");
    // Not the records' fault: back in line with the attempt not counted.
    expect(await jobStates(paused.batchId)).toEqual([
      ["accepted", 1],
      ["queued", 0],
      ["queued", 0],
    ]);
    expect(await recordStates(paused.jobId)).toEqual([
      ["accepted", 1, "0"],
      ["queued", 0, "25"],
      ["queued", 0, "25"],
    ]);
    await cancelBatch(paused.batchId);
  });

  it("writes the rest of a group when the database refuses one answer, and leaves that job to its lease", async () => {
    const { jobId, batchId, jobs } = await claimed(3);
    const groups = new SettleGroups((answers) => settleJobs(answers, config));
    // PostgreSQL refuses NUL in text: the group's statement fails as a whole.
    const poison = answer(jobs[1]!, {
      kind: "accepted",
      httpStatus: 200,
      result: { count: 1, success: true },
      rawAnswer: "bad\u0000body",
    });
    const results = await Promise.allSettled([
      groups.add(accepted(jobs[0]!)),
      groups.add(poison),
      groups.add(accepted(jobs[2]!)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(results[0]).toMatchObject({ value: "accepted" });
    expect(await prisma.submissionAttempt.count({ where: { batchId } })).toBe(2);
    // Still in flight under its lease, its attempt counted: when the lease runs out any worker claims and sends it again.
    const stuck = await prisma.submissionJob.findUniqueOrThrow({ where: { id: jobs[1]!.jobId } });
    expect(stuck).toMatchObject({ state: "in_flight", attempts: 1 });
    expect(stuck.leaseUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await recordStates(jobId)).toEqual([
      ["accepted", 1, "0"],
      ["in_flight", 0, null],
      ["accepted", 1, "0"],
    ]);
    const { fresh, kept } = await rollupVersusRecords(jobId);
    expect(kept).toEqual(fresh);
    await prisma.$executeRaw`UPDATE submission_batches SET status = 'cancelled' WHERE id = ${batchId}`;
  });
});

describe("settle groups", () => {
  function recorder(delayMs = 5) {
    const calls: number[][] = [];
    const settle = async (answers: readonly Answer[]) => {
      calls.push(answers.map((a) => Number(a.job.jobId)));
      await new Promise((r) => setTimeout(r, delayMs));
      return answers.map(() => "accepted" as const);
    };
    return { calls, settle };
  }
  const fake = (n: number) =>
    accepted({ jobId: BigInt(n), batchId: 1n, recordId: BigInt(n), attempt: 1, record: {} as ClaimedJob["record"] });

  it("writes answers that arrive together in one group, and those that arrive during a write in the next", async () => {
    const { calls, settle } = recorder();
    const groups = new SettleGroups(settle);
    const first = [1, 2, 3].map((n) => groups.add(fake(n)));
    await new Promise((r) => setImmediate(r));
    // The first group is being written now.
    const second = [4, 5, 6, 7].map((n) => groups.add(fake(n)));
    expect(await Promise.all([...first, ...second])).toEqual(Array(7).fill("accepted"));
    expect(calls).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
    // Idle again: the next answer is written at once, alone.
    expect(await groups.add(fake(8))).toBe("accepted");
    expect(calls.at(-1)).toEqual([8]);
  });

  it("caps a group's size", async () => {
    const { calls, settle } = recorder(0);
    const groups = new SettleGroups(settle, 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => groups.add(fake(i))));
    expect(calls.map((c) => c.length)).toEqual([4, 4, 2]);
  });

  it("rejects every answer when the database is gone, and keeps working after", async () => {
    let down = true;
    const groups = new SettleGroups(async (answers) => {
      if (down) throw new Error("connection refused");
      return answers.map(() => "accepted" as const);
    });
    const results = await Promise.allSettled([1, 2, 3].map((n) => groups.add(fake(n))));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    down = false;
    expect(await groups.add(fake(4))).toBe("accepted");
  });
});
