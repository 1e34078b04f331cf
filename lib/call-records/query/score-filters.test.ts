import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, prisma } from "../../db/client";
import { seedReviewer, seedReviews, seedScorecard } from "../../../dev/testing/score-fixture";
import { countMatching } from "./count";
import { callRecordsPageSql, listCallRecords } from "./data";
import { facetCounts } from "./facets";
import { parseCallFilters } from "./filters";

/**
 * The score filters (minScore, maxScore, critical) through the one parser and
 * WHERE builder: the list walked page by page, the total and the facets agree
 * with a plain reading of the seeded scores; and at scale the partial index of
 * scored records serves every one of them.
 */

const ZONE = "Asia/Shanghai";
// Test ids of this file: 78540000000000–78549999999999 (tests share one database).
const BASE = 78_540_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const JOB = BASE + 999n;

/** [score, critical failed] of each record; null: not scored. */
const SCORES: ([number, boolean] | null)[] = [
  [100, false],
  [99.99, false],
  [90, true],
  [75.5, false],
  [50, true],
  [10, false],
  [0, true],
  null,
  null,
  null,
];

beforeAll(async () => {
  const ids: bigint[] = [];
  for (const [i] of SCORES.entries()) {
    const r = await prisma.callRecord.create({
      data: {
        callRecordId: BASE + BigInt(i),
        robotCallJobId: JOB,
        source: "seed",
        contentHash: "0".repeat(64),
        startTime: new Date(Date.UTC(2026, 10, 1, 8, i)),
      },
    });
    ids.push(r.id);
  }
  const version = await seedScorecard();
  const reviewer = await seedReviewer("Filter Scorer");
  await seedReviews(
    SCORES.flatMap((s, i) =>
      s
        ? [
            {
              recordId: ids[i]!,
              reviewerId: reviewer,
              score: s[0],
              criticalFailed: s[1],
              versionId: version,
              at: new Date(),
            },
          ]
        : [],
    ),
  );
});

afterAll(async () => {
  await prisma.callRecord.deleteMany({ where: { robotCallJobId: JOB } });
});

function oracle(q: URLSearchParams): bigint[] {
  const min = q.get("minScore");
  const max = q.get("maxScore");
  const critical = q.get("critical");
  return SCORES.flatMap((s, i) => {
    if ((min !== null || max !== null || critical !== null) && !s) return [];
    if (min !== null && s![0] < Number(min)) return [];
    if (max !== null && s![0] > Number(max)) return [];
    if (critical !== null && s![1] !== (critical === "failed")) return [];
    return [BASE + BigInt(i)];
  }).sort();
}

async function walk(query: string): Promise<bigint[]> {
  const { filters } = parseCallFilters(new URLSearchParams(query));
  const seen: bigint[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await listCallRecords({ ...filters, size: 25, cursor }, ZONE);
    seen.push(...page.rows.map((r) => r.call_record_id));
    if (!page.nextCursor) return seen.sort();
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("score filters", () => {
  it.each([
    "minScore=50",
    "minScore=0",
    "maxScore=50",
    "maxScore=99.99",
    "minScore=10&maxScore=90",
    "minScore=75.5&maxScore=75.5",
    "critical=failed",
    "critical=passed",
    "minScore=50&critical=failed",
    "maxScore=100&critical=passed",
    "minScore=100.00",
  ])("%s: the list, the total and the review facet agree with the seeded scores", async (q) => {
    const query = `job=${JOB}&${q}`;
    const expected = oracle(new URLSearchParams(q));
    expect(await walk(query)).toEqual(expected);
    const { filters, errors } = parseCallFilters(new URLSearchParams(query));
    expect(errors).toEqual([]);
    expect(await countMatching(filters, ZONE)).toEqual({ value: expected.length, exact: true });
    const facets = await facetCounts(filters, ZONE);
    expect(facets.review.reduce((n, f) => n + f.count, 0)).toBe(expected.length);
  });

  it("carries the current score and critical flag on each listed row", async () => {
    const page = await listCallRecords(
      parseCallFilters(new URLSearchParams(`job=${JOB}&critical=failed`)).filters,
      ZONE,
    );
    expect(page.rows.map((r) => [r.review_score, r.review_critical_failed]).sort()).toEqual([
      [0, true],
      [50, true],
      [90, true],
    ]);
  });
});

class Rollback extends Error {}

describe("the score filters' plan among many unscored records", () => {
  it("reads the scored records through call_records_review_score_idx", { timeout: 180_000 }, async () => {
    const ROWS = 60_000;
    const plans: Record<string, string> = {};
    await prisma
      .$transaction(
        async (tx) => {
          await tx.$executeRaw`
            INSERT INTO call_records (call_record_id, robot_call_job_id, source, content_hash, start_time, review_score, review_critical_failed)
            SELECT ${BASE + 100_000n}::bigint + g, ${BASE + 998n}::bigint, 'seed', repeat('0', 64),
                   now() - g * interval '1 second',
                   CASE WHEN g % 2000 = 0 THEN (g % 101)::float8 END,
                   CASE WHEN g % 2000 = 0 THEN g % 4000 = 0 END
            FROM generate_series(1, ${ROWS}) g`;
          await tx.$executeRaw`ANALYZE call_records`;
          for (const q of ["minScore=50", "maxScore=20", "critical=failed", "critical=passed&sort=-chat_duration"]) {
            const { sql } = callRecordsPageSql(parseCallFilters(new URLSearchParams(q)).filters, ZONE);
            const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`);
            plans[q] = rows.map((r) => r["QUERY PLAN"]).join("\n");
          }
          throw new Rollback();
        },
        { timeout: 170_000 },
      )
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    for (const [q, plan] of Object.entries(plans))
      expect(plan, `${q}\n${plan}`).toContain("call_records_review_score_idx");
  });
});
