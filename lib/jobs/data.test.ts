import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { compactRollups } from "../call-records/rollups";
import { getJobDetail, jobMixes, listJobs, listJobsPage } from "./data";

const JOB_A = 9_007_199_254_741_501n; // above 2^53: ids must come back exact
const JOB_B = 9_007_199_254_741_502n;
const INTENT_TAG = 6_600_001n;

beforeAll(async () => {
  const rows = [
    { job: JOB_A, status: "ANSWERED", duration: 60, submission: "accepted", review: "passed", minute: 0, intent: 1 },
    { job: JOB_A, status: "ANSWERED", duration: 30, submission: "rejected", review: "flagged", minute: 5, intent: 2 },
    { job: JOB_A, status: "NO_ANSWER", duration: 0, submission: "queued", review: "unreviewed", minute: 10 },
    { job: JOB_A, status: "BUSY", duration: 0, submission: "not_submitted", review: "unreviewed", minute: 15 },
    { job: JOB_B, status: "NO_ANSWER", duration: 0, submission: "failed", review: "unreviewed", minute: 20 },
  ] as const;
  await prisma.callRecord.createMany({
    data: rows.map((r, i) => ({
      callRecordId: 6_600_000_000_000n + BigInt(i),
      robotCallJobId: r.job,
      resultStatus: r.status,
      chatDuration: r.duration,
      submissionState: r.submission,
      reviewState: r.review,
      startTime: new Date(Date.UTC(2026, 2, 2, 2, r.minute)),
      source: "seed" as const,
      contentHash: "0".repeat(64),
      // A tag group of this file's own: an intent's name is read from any record of it.
      ...("intent" in r
        ? {
            intentLevelTagId: INTENT_TAG,
            intentLevelCode: r.intent,
            intentLevelDetailName: r.intent === 1 ? "承诺还款" : null,
          }
        : {}),
    })),
  });
});

describe("listJobs", () => {
  it("aggregates calls, connection, talk time, submission and review per job", async () => {
    const jobs = await listJobs("job");
    const a = jobs.find((j) => j.jobId === JOB_A);
    expect(a).toEqual({
      jobId: JOB_A,
      total: 4,
      answered: 2,
      avgTalkSeconds: 45,
      accepted: 1,
      rejected: 1,
      pending: 1,
      notSubmitted: 1,
      reviewed: 2,
      flagged: 1,
      firstCall: new Date(Date.UTC(2026, 2, 2, 2, 0)),
      lastCall: new Date(Date.UTC(2026, 2, 2, 2, 15)),
    });
    const b = jobs.find((j) => j.jobId === JOB_B);
    expect(b).toMatchObject({ total: 1, answered: 0, avgTalkSeconds: null, rejected: 1 });
  });

  it("sorts by the allow-listed keys", async () => {
    const byJob = (await listJobs("job")).map((j) => j.jobId).filter((id) => id === JOB_A || id === JOB_B);
    expect(byJob).toEqual([JOB_A, JOB_B]);
    const byRate = (await listJobs("answered_rate")).map((j) => j.jobId).filter((id) => id === JOB_A || id === JOB_B);
    expect(byRate).toEqual([JOB_A, JOB_B]);
    const byLast = (await listJobs("last_call")).map((j) => j.jobId).filter((id) => id === JOB_A || id === JOB_B);
    expect(byLast).toEqual([JOB_B, JOB_A]);
  });
});

describe("jobMixes", () => {
  it("gives each job's result status distribution, largest first", async () => {
    const mixes = await jobMixes([JOB_A, JOB_B]);
    expect(mixes.get(JOB_A.toString())?.byStatus).toEqual([
      { status: "ANSWERED", count: 2 },
      { status: "BUSY", count: 1 },
      { status: "NO_ANSWER", count: 1 },
    ]);
    expect(mixes.get(JOB_B.toString())).toEqual({ byStatus: [{ status: "NO_ANSWER", count: 1 }], byIntent: [] });
  });

  it("gives each intent with its name, so the overview's legend reads as the calls do", async () => {
    const mixes = await jobMixes([JOB_A]);
    expect(mixes.get(JOB_A.toString())?.byIntent).toEqual([
      { tagId: INTENT_TAG.toString(), code: 1, name: "承诺还款", count: 1 },
      { tagId: INTENT_TAG.toString(), code: 2, name: null, count: 1 },
    ]);
  });
});

describe("getJobDetail", () => {
  it("buckets a job's calls by hour and day in the display time zone, and talk time of answered calls", async () => {
    const d = await getJobDetail(JOB_A, "Asia/Shanghai");
    expect(d?.summary.total).toBe(4);
    expect(d!.byHour.filter((h) => h.count)).toEqual([{ hour: 10, count: 4 }]); // 02:xx UTC is 10:xx in Shanghai
    expect(d!.byDay).toEqual([{ day: "2026-03-02", count: 4 }]);
    expect(d!.durations.filter((b) => b.count).map((b) => [b.label, b.count])).toEqual([
      ["16–30 s", 1],
      ["31–60 s", 1],
    ]);
    expect(d!.byStatus).toEqual([
      { status: "ANSWERED", count: 2 },
      { status: "BUSY", count: 1 },
      { status: "NO_ANSWER", count: 1 },
    ]);
    expect((await getJobDetail(JOB_A, "America/New_York"))!.byHour.filter((h) => h.count)).toEqual([
      { hour: 21, count: 4 },
    ]);
  });

  it("is null for a job without calls", async () => {
    expect(await getJobDetail(123n, "UTC")).toBeNull();
  });
});

describe("listJobsPage", () => {
  // Job ids at the top of the bigint range and calls in 2099: first by job id from the cursor below them, and first by last call.
  const BASE = 9_223_372_036_854_775_000n;
  const PAGED = [1n, 2n, 3n, 4n, 5n].map((i) => BASE + i);

  beforeAll(async () => {
    await prisma.callRecord.createMany({
      data: PAGED.flatMap((job, j) =>
        Array.from({ length: j + 1 }, (_, k) => ({
          callRecordId: 6_610_000_000_000n + BigInt(j * 10 + k),
          robotCallJobId: job,
          resultStatus: k === 0 ? "ANSWERED" : "NO_ANSWER",
          startTime: new Date(Date.UTC(2099, 0, 1 + j, 8, k)),
          source: "seed" as const,
          contentHash: "0".repeat(64),
        })),
      ),
    });
  });

  const ids = (p: { jobs: { jobId: bigint }[] }) => p.jobs.map((j) => j.jobId);
  const below = { key: (BASE - 1n).toString(), jobId: BASE - 1n };

  it("pages by keyset forwards and back, with the count of all jobs and each page's position", async () => {
    const first = await listJobsPage({ sort: "job", after: below, size: 2 });
    expect(ids(first)).toEqual(PAGED.slice(0, 2));
    expect(first.total).toBeGreaterThanOrEqual(7);
    expect(first.prev).not.toBeNull(); // the other tests' jobs come before
    const second = await listJobsPage({ sort: "job", after: first.next!, size: 2 });
    expect(ids(second)).toEqual(PAGED.slice(2, 4));
    expect(second.offset).toBe(first.offset + 2);
    expect(second.total).toBe(first.total);
    // Other test files may store jobs above these (up to the largest int8), so the page after
    // the fourth starts with the fifth, and the very end is checked past the largest id.
    const last = await listJobsPage({ sort: "job", after: second.next!, size: 2 });
    expect(ids(last)[0]).toBe(PAGED[4]);
    expect(last.offset).toBe(second.offset + 2);
    const max = 9_223_372_036_854_775_807n;
    const end = await listJobsPage({ sort: "job", after: { key: max.toString(), jobId: max }, size: 2 });
    expect(end.jobs).toEqual([]);
    expect(end.next).toBeNull();
    expect(end.offset).toBe(end.total);
    const back = await listJobsPage({ sort: "job", before: last.prev!, size: 2 });
    expect(ids(back)).toEqual(PAGED.slice(2, 4));
    expect(back.offset).toBe(second.offset);
    expect(back.next).toEqual(second.next);
  });

  it("sorts the first page by last call, most recent first, and continues after a (last call, job) cursor", async () => {
    const first = await listJobsPage({ sort: "last_call", size: 2 });
    expect(ids(first)).toEqual([PAGED[4], PAGED[3]]);
    expect(first.offset).toBe(0);
    expect(first.prev).toBeNull();
    expect(first.jobs[0]!.lastCall).toEqual(new Date(Date.UTC(2099, 0, 5, 8, 4)));
    const second = await listJobsPage({ sort: "last_call", after: first.next!, size: 2 });
    expect(ids(second)).toEqual([PAGED[2], PAGED[1]]);
    expect(ids(await listJobsPage({ sort: "last_call", before: second.prev!, size: 2 }))).toEqual([PAGED[4], PAGED[3]]);
    // By calls, then by connection rate (1 of j + 1 answered): cursors of each key type read back exactly.
    const byTotal = await listJobsPage({ sort: "total", after: { key: "5", jobId: PAGED[4]! - 1n }, size: 1000 });
    expect(ids(byTotal).filter((id) => PAGED.includes(id))).toEqual([PAGED[4], PAGED[3], PAGED[2], PAGED[1], PAGED[0]]);
    const byRate = await listJobsPage({
      sort: "answered_rate",
      after: { key: "0.5", jobId: PAGED[1]! - 1n },
      size: 1000,
    });
    expect(ids(byRate).filter((id) => PAGED.includes(id))).toEqual([PAGED[1], PAGED[2], PAGED[3], PAGED[4]]);
  });

  it("keeps first and last call exact when the last call of a job is deleted, before and after compaction", async () => {
    const job = PAGED[2]!;
    await prisma.callRecord.deleteMany({
      where: { robotCallJobId: job, startTime: new Date(Date.UTC(2099, 0, 3, 8, 2)) },
    });
    const pending = (await listJobs("job", job))[0]!;
    expect(pending.lastCall).toEqual(new Date(Date.UTC(2099, 0, 3, 8, 1)));
    expect(pending.total).toBe(2);
    // Another test file's compactor may hold the lock for a moment: fold until this job has nothing pending.
    for (
      let i = 0;
      i < 100 && (await prisma.callRecordJobBoundsDelta.count({ where: { robotCallJobId: job } })) > 0;
      i++
    )
      await compactRollups();
    expect(await prisma.callRecordJobBoundsDelta.count({ where: { robotCallJobId: job } })).toBe(0);
    const kept = await prisma.callRecordJobTotal.findUnique({ where: { robotCallJobId: job } });
    expect(kept?.lastCall).toEqual(new Date(Date.UTC(2099, 0, 3, 8, 1)));
    expect(kept?.firstCall).toEqual(new Date(Date.UTC(2099, 0, 3, 8, 0)));
    expect((await listJobs("job", job))[0]!.lastCall).toEqual(new Date(Date.UTC(2099, 0, 3, 8, 1)));
  });
});
