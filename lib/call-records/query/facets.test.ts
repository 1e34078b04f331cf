import { beforeAll, describe, expect, it } from "vitest";
import { Prisma, prisma } from "../../db/client";
import { facetCounts, LARGE_ESTIMATE, LARGE_SAMPLE, LIVE_LIMIT, liveSampleSize, liveScanGroups } from "./facets";
import { parseCallFilters } from "./filters";

const JOB = 770_000_000_000_001n;

beforeAll(async () => {
  const rows: [string, "not_submitted" | "accepted", bigint | null, number | null, string | null][] = [
    ["ANSWERED", "accepted", 9007199254740995n, 1, "承诺还款"],
    ["ANSWERED", "not_submitted", 9007199254740995n, 2, "拒绝还款"],
    ["ANSWERED", "not_submitted", 42n, 1, "同意调解"], // same code, other tag group: another label
    ["BUSY", "not_submitted", null, null, null],
    ["BUSY", "accepted", null, null, null],
  ];
  await prisma.callRecord.createMany({
    data: rows.map(([status, submission, tag, code, name], i) => ({
      callRecordId: 5_500_000_000_000n + BigInt(i),
      robotCallJobId: JOB,
      resultStatus: status,
      submissionState: submission,
      intentLevelTagId: tag,
      intentLevelCode: code,
      intentLevelDetailName: name,
      source: "seed" as const,
      contentHash: "0".repeat(64),
    })),
  });
});

describe("facetCounts", () => {
  it("counts each facet under every other filter but its own", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${JOB}&status=BUSY`));
    const f = await facetCounts(filters, "Asia/Shanghai");
    expect(f.status).toEqual([
      { value: "ANSWERED", count: 3 },
      { value: "BUSY", count: 2 },
    ]);
    expect(f.submission.sort((a, b) => a.value.localeCompare(b.value))).toEqual([
      { value: "accepted", count: 1 },
      { value: "not_submitted", count: 1 },
    ]);
    expect(f.review).toEqual([{ value: "unreviewed", count: 2 }]);
  });

  it("keeps intent codes apart by tag group", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${JOB}`));
    const f = await facetCounts(filters, "UTC");
    expect(f.intent).toEqual([
      { tagId: "42", code: 1, name: "同意调解", count: 1 },
      { tagId: "9007199254740995", code: 1, name: "承诺还款", count: 1 },
      { tagId: "9007199254740995", code: 2, name: "拒绝还款", count: 1 },
    ]);
  });
});

describe("live facet counts (filters the rollups cannot answer)", () => {
  // 600 records of a job of their own, half of them named 钱…, with every facet's values and NULLs.
  const LIVE_JOB = 770_000_000_000_002n;
  beforeAll(async () => {
    await prisma.$executeRaw`
      INSERT INTO call_records (call_record_id, robot_call_job_id, name, result_status, submission_state, review_state,
                                intent_level_tag_id, intent_level_code, source, content_hash)
      SELECT 5510000000000 + g, ${LIVE_JOB}::bigint, CASE WHEN g % 2 = 0 THEN '钱' || g ELSE '孙' || g END,
             (ARRAY['ANSWERED', 'BUSY', 'NO_ANSWER', NULL])[1 + g % 4],
             (ARRAY['not_submitted', 'accepted', 'rejected'])[1 + g % 3]::submission_state,
             (ARRAY['unreviewed', 'passed', 'flagged', 'unreviewed', 'passed'])[1 + g % 5]::review_state,
             CASE WHEN g % 7 = 0 THEN NULL ELSE 41 + g % 2 END, CASE WHEN g % 7 = 0 THEN NULL ELSE g % 3 END,
             'seed', repeat('0', 64)
      FROM generate_series(1, 600) g`;
  });

  /** One facet counted on its own, the way each facet was counted before they shared a scan. */
  async function separately(where: Prisma.Sql, key: Prisma.Sql, notNull: Prisma.Sql): Promise<Record<string, number>> {
    const rows = await prisma.$queryRaw<{ k: string; n: number }[]>(Prisma.sql`
      SELECT ${key} AS k, count(*)::int AS n FROM call_records ${where} AND ${notNull} GROUP BY 1`);
    return Object.fromEntries(rows.map((r) => [r.k, r.n]).sort());
  }

  it.each([
    ["q only", `q=钱`, Prisma.sql`WHERE robot_call_job_id = ${LIVE_JOB} AND name LIKE '钱%'`, {}],
    [
      "q and a status",
      `q=钱&status=BUSY`,
      Prisma.sql`WHERE robot_call_job_id = ${LIVE_JOB} AND name LIKE '钱%'`,
      { status: "BUSY" },
    ],
  ] as const)("from one scan equal a scan per facet (%s)", async (_name, query, where, own: { status?: string }) => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${LIVE_JOB}&${query}`));
    expect(liveScanGroups(filters)).toEqual(
      own.status
        ? [["submission", "review", "intent", "compliance"], ["status"]]
        : [["status", "submission", "review", "intent", "compliance"]],
    );
    const f = await facetCounts(filters, "UTC");
    const others = own.status ? Prisma.sql`${where} AND result_status = ${own.status}` : where;
    const asMap = (list: { value: string; count: number }[]) =>
      Object.fromEntries(list.map((x) => [x.value, x.count]).sort());
    expect(asMap(f.status)).toEqual(
      await separately(where, Prisma.sql`result_status`, Prisma.sql`result_status IS NOT NULL`),
    );
    expect(asMap(f.submission)).toEqual(await separately(others, Prisma.sql`submission_state::text`, Prisma.sql`TRUE`));
    expect(asMap(f.review)).toEqual(await separately(others, Prisma.sql`review_state::text`, Prisma.sql`TRUE`));
    expect(Object.fromEntries(f.intent.map((i) => [`${i.tagId}:${i.code}`, i.count]).sort())).toEqual(
      await separately(
        others,
        Prisma.sql`intent_level_tag_id || ':' || intent_level_code`,
        Prisma.sql`intent_level_code IS NOT NULL`,
      ),
    );
    expect(f.exact).toBe(true);
    expect(f.status.length).toBeGreaterThan(0);
  });

  it("groups facets by the filters they count under", () => {
    const groups = (q: string) => liveScanGroups(parseCallFilters(new URLSearchParams(q)).filters);
    expect(groups("q=a&review=flagged&intent=1:2")).toEqual([
      ["status", "submission", "compliance"],
      ["review"],
      ["intent"],
    ]);
    expect(groups("q=a&status=BUSY&submission=accepted&review=flagged&intent=1:2&compliance=any")).toEqual([
      ["status"],
      ["submission"],
      ["review"],
      ["intent"],
      ["compliance"],
    ]);
  });
});

describe("live facet counts past the limit", () => {
  const BIG_JOB = 770_000_000_000_003n;
  beforeAll(async () => {
    await prisma.$executeRaw`
      INSERT INTO call_records (call_record_id, robot_call_job_id, name, result_status, submission_state, source, content_hash)
      SELECT 5520000000000 + g, ${BIG_JOB}::bigint, '周' || g, CASE WHEN g % 4 = 0 THEN 'BUSY' ELSE 'ANSWERED' END,
             'not_submitted', 'seed', repeat('0', 64)
      FROM generate_series(1, ${LIVE_LIMIT + 2_000}) g`;
    await prisma.$executeRaw`ANALYZE call_records`;
  });

  it("estimates every facet of the shared scan from its sample, marked as estimates", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${BIG_JOB}&q=周`));
    const f = await facetCounts(filters, "UTC");
    expect(f.exact).toBe(false);
    const total = (list: { count: number }[]) => list.reduce((s, x) => s + x.count, 0);
    // Every record of the sample has a status and a submission state: both facets scale to the same estimate.
    expect(total(f.submission)).toBeGreaterThanOrEqual(LIVE_LIMIT);
    expect(Math.abs(total(f.status) - total(f.submission))).toBeLessThanOrEqual(1);
    expect(f.submission.map((x) => x.value)).toEqual(["not_submitted"]);
    const busy = f.status.find((x) => x.value === "BUSY")!.count;
    expect(busy / total(f.status)).toBeCloseTo(0.25, 1);
  });
});

describe("liveSampleSize", () => {
  it("reads up to the exact limit unless the planner expects ten times as many matches", () => {
    expect(liveSampleSize(0)).toBe(LIVE_LIMIT);
    expect(liveSampleSize(LARGE_ESTIMATE - 1)).toBe(LIVE_LIMIT);
    expect(liveSampleSize(LARGE_ESTIMATE)).toBe(LARGE_SAMPLE);
    expect(LARGE_SAMPLE).toBeLessThan(LIVE_LIMIT);
  });
});
