import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { getJobDetail, jobMixes, listJobs } from "./data";

const JOB_A = 9_007_199_254_741_501n; // above 2^53: ids must come back exact
const JOB_B = 9_007_199_254_741_502n;

beforeAll(async () => {
  const rows = [
    { job: JOB_A, status: "ANSWERED", duration: 60, submission: "accepted", review: "passed", minute: 0 },
    { job: JOB_A, status: "ANSWERED", duration: 30, submission: "rejected", review: "flagged", minute: 5 },
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
      { status: "ANSWERED", count: 2 }, { status: "BUSY", count: 1 }, { status: "NO_ANSWER", count: 1 },
    ]);
    expect(mixes.get(JOB_B.toString())).toEqual({ byStatus: [{ status: "NO_ANSWER", count: 1 }], byIntent: [] });
  });
});

describe("getJobDetail", () => {
  it("buckets a job's calls by hour and day in the display time zone, and talk time of answered calls", async () => {
    const d = await getJobDetail(JOB_A, "Asia/Shanghai");
    expect(d?.summary.total).toBe(4);
    expect(d!.byHour.filter((h) => h.count)).toEqual([{ hour: 10, count: 4 }]); // 02:xx UTC is 10:xx in Shanghai
    expect(d!.byDay).toEqual([{ day: "2026-03-02", count: 4 }]);
    expect(d!.durations.filter((b) => b.count).map((b) => [b.label, b.count])).toEqual([["16–30 s", 1], ["31–60 s", 1]]);
    expect(d!.byStatus).toEqual([{ status: "ANSWERED", count: 2 }, { status: "BUSY", count: 1 }, { status: "NO_ANSWER", count: 1 }]);
    expect((await getJobDetail(JOB_A, "America/New_York"))!.byHour.filter((h) => h.count)).toEqual([{ hour: 21, count: 4 }]);
  });

  it("is null for a job without calls", async () => {
    expect(await getJobDetail(123n, "UTC")).toBeNull();
  });
});
