import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { seedReviewer, seedReviews, seedScorecard, type SeededReview } from "../../dev/testing/score-fixture";
import { countMatching } from "../call-records/query/count";
import { parseCallFilters } from "../call-records/query/filters";
import { addDays } from "../time/zoned";
import { criticalRate, jobScoreSummary, scoresByJob, scoresByReviewer, scoresByWeek, scoreTotals } from "./data";
import type { QualityRange } from "./schema";

/**
 * The quality numbers against a fresh count: every review of the seeded calls
 * read back through Prisma, the current (latest) one of each call kept when it
 * is scored and dated in the range, grouped in TypeScript.
 */

const ZONE = "Asia/Shanghai";
// Test ids of this file: 78560000000000–78569999999999 (tests share one database).
const BASE = 78_560_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const JOBS = [BASE + 901n, BASE + 902n];
const RANGE: QualityRange = { from: "2026-10-26", to: "2026-11-15", job: JOBS };

/** A local time in Shanghai as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);

let records: bigint[] = [];
let reviewers: bigint[] = [];

beforeAll(async () => {
  await prisma.robotCallJob.create({ data: { robotCallJobId: JOBS[0]!, name: "Quality job A" } });
  records = [];
  for (let i = 0; i < 14; i++) {
    const r = await prisma.callRecord.create({
      data: {
        callRecordId: BASE + BigInt(i),
        robotCallJobId: JOBS[i % 2]!,
        source: "seed",
        contentHash: "0".repeat(64),
      },
    });
    records.push(r.id);
  }
  const version = await seedScorecard();
  reviewers = [await seedReviewer("Quality Ann"), await seedReviewer("Quality Bo")];
  const [ann, bo] = reviewers as [bigint, bigint];
  const s = (i: number, reviewerId: bigint, score: number | null, local: string, criticalFailed = false) => ({
    recordId: records[i]!,
    reviewerId,
    score,
    criticalFailed,
    versionId: version,
    at: at(local),
  });
  const reviews: SeededReview[] = [
    // Week 2026-W44 (Mon 26 Oct – Sun 1 Nov), its last minutes in Shanghai (still Sunday there, Sunday in UTC too).
    s(0, ann, 80, "2026-10-26T00:00:00"),
    s(1, bo, 55.5, "2026-11-01T23:59:00", true),
    // Week W45 starts at Monday 00:00 in Shanghai (Sunday 16:00 UTC).
    s(2, ann, 91.25, "2026-11-02T00:01:00"),
    s(3, ann, 70, "2026-11-04T12:00:00"),
    // Rescored: only the later review counts (the earlier one was in another week, by another reviewer).
    s(4, bo, 20, "2026-10-28T10:00:00", true),
    s(4, ann, 95, "2026-11-05T10:00:00"),
    // Scored, then given a verdict without a scorecard: not scored any more, counts nowhere.
    s(5, ann, 60, "2026-11-03T10:00:00"),
    s(5, bo, null, "2026-11-06T10:00:00"),
    // Week W46.
    s(6, bo, 100, "2026-11-09T09:00:00"),
    s(7, bo, 0, "2026-11-15T23:59:59", true),
    // Outside the range: the day before it, and the day after it (in Shanghai).
    s(8, ann, 88, "2026-10-25T23:59:59"),
    s(9, ann, 77, "2026-11-16T00:00:00"),
    // Scored before the range and replaced by a later scored review inside it.
    s(10, bo, 30, "2026-10-01T10:00:00", true),
    s(10, bo, 65.5, "2026-11-10T10:00:00"),
    // A plain verdict: never scored.
    s(11, ann, null, "2026-11-10T10:00:00"),
  ];
  await seedReviews(reviews);
});

afterAll(async () => {
  await prisma.callRecord.deleteMany({ where: { robotCallJobId: { in: JOBS } } });
  await prisma.robotCallJob.deleteMany({ where: { robotCallJobId: { in: JOBS } } });
});

interface Current {
  job: bigint;
  reviewer: bigint;
  score: number;
  critical: boolean;
  day: string;
}

/** The current scored reviews in the range, from every review of the seeded calls. */
async function freshCurrent(range: QualityRange): Promise<Current[]> {
  const all = await prisma.review.findMany({
    where: { record: { robotCallJobId: { in: range.job } } },
    include: { record: { select: { robotCallJobId: true } } },
  });
  const latest = new Map<bigint, (typeof all)[number]>();
  for (const r of all) if ((latest.get(r.recordId)?.id ?? -1n) < r.id) latest.set(r.recordId, r);
  const dayOf = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE }).format(d);
  return [...latest.values()]
    .filter((r) => r.score !== null && dayOf(r.createdAt) >= range.from && dayOf(r.createdAt) <= range.to)
    .map((r) => ({
      job: r.record.robotCallJobId,
      reviewer: r.reviewerId,
      score: r.score!,
      critical: r.criticalFailed === true,
      day: dayOf(r.createdAt),
    }));
}

function stats(rows: Current[]) {
  const sum = rows.reduce((n, r) => n + r.score, 0);
  return {
    scored: rows.length,
    average: rows.length ? Math.round((sum / rows.length) * 100) / 100 : null,
    criticalFailures: rows.filter((r) => r.critical).length,
  };
}

function group<K>(rows: Current[], key: (r: Current) => K): Map<K, Current[]> {
  const m = new Map<K, Current[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/** The ISO week of a day: its Monday and label (the week's Thursday decides the year). */
function isoWeek(day: string): { monday: string; week: string } {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(day, -weekday);
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const n = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return { monday, week: `${thursday.getUTCFullYear()}-W${String(n).padStart(2, "0")}` };
}

describe("quality scores", () => {
  it("count only each call's current review, when scored and given in the range", async () => {
    const current = await freshCurrent(RANGE);
    expect(current).toHaveLength(8);
    expect(await scoreTotals(RANGE, ZONE)).toEqual(stats(current));
  });

  it("by ISO week in the display time zone equal a fresh count", async () => {
    const current = await freshCurrent(RANGE);
    const expected = [...group(current, (r) => isoWeek(r.day).monday)]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([monday, rows]) => ({ week: isoWeek(monday).week, monday, ...stats(rows) }));
    const weeks = await scoresByWeek(RANGE, ZONE);
    expect(weeks).toEqual(expected);
    expect(weeks.map((w) => w.week)).toEqual(["2026-W44", "2026-W45", "2026-W46"]);
    // The Sunday 23:59 review is W44's, the Monday 00:01 one W45's (both are Sunday in UTC).
    expect(weeks[0]).toMatchObject({ scored: 2, criticalFailures: 1 });
  });

  it("by job and by reviewer equal a fresh count", async () => {
    const current = await freshCurrent(RANGE);
    const byJob = [...group(current, (r) => r.job)].map(([jobId, rows]) => ({
      jobId,
      jobName: jobId === JOBS[0] ? "Quality job A" : null,
      ...stats(rows),
    }));
    expect(await scoresByJob(RANGE, ZONE)).toEqual(
      expect.arrayContaining(byJob.map((j) => expect.objectContaining(j) as unknown)),
    );
    expect((await scoresByJob(RANGE, ZONE)).length).toBe(byJob.length);

    const names = new Map([
      [reviewers[0]!, "Quality Ann"],
      [reviewers[1]!, "Quality Bo"],
    ]);
    const byReviewer = [...group(current, (r) => r.reviewer)].map(([reviewerId, rows]) => ({
      reviewerId,
      reviewerName: names.get(reviewerId),
      ...stats(rows),
    }));
    const read = await scoresByReviewer(RANGE, ZONE);
    expect(read).toHaveLength(byReviewer.length);
    expect(read).toEqual(expect.arrayContaining(byReviewer.map((r) => expect.objectContaining(r) as unknown)));
    // Most scored first.
    expect(read.map((r) => r.scored)).toEqual([...read.map((r) => r.scored)].sort((a, b) => b - a));
  });

  it("narrows to one job, and is empty (not an error) for a range without scores", async () => {
    const one = { ...RANGE, job: [JOBS[1]!] };
    expect(await scoreTotals(one, ZONE)).toEqual(stats(await freshCurrent(one)));
    const empty = { from: "2020-01-01", to: "2020-01-31", job: JOBS };
    expect(await scoreTotals(empty, ZONE)).toEqual({ scored: 0, average: null, criticalFailures: 0 });
    expect(await scoresByWeek(empty, ZONE)).toEqual([]);
    expect(await scoresByJob(empty, ZONE)).toEqual([]);
    expect(await scoresByReviewer(empty, ZONE)).toEqual([]);
    expect(criticalRate({ scored: 0, average: null, criticalFailures: 0 })).toBeNull();
    expect(criticalRate({ scored: 8, average: 1, criticalFailures: 2 })).toBe(0.25);
  });

  it("a job's summary is what /calls lists for its minScore=0 and critical=failed links", async () => {
    for (const job of JOBS) {
      const summary = await jobScoreSummary(job);
      const count = async (q: string) =>
        (await countMatching(parseCallFilters(new URLSearchParams(`job=${job}&${q}`)).filters, ZONE)).value;
      expect(summary.scored).toBe(await count("minScore=0"));
      expect(summary.criticalFailures).toBe(await count("critical=failed"));
      const scores = await prisma.callRecord.findMany({
        where: { robotCallJobId: job, reviewScore: { not: null } },
        select: { reviewScore: true },
      });
      const mean = scores.reduce((n, r) => n + r.reviewScore!, 0) / scores.length;
      expect(summary.average).toBe(Math.round(mean * 100) / 100);
    }
  });
});
