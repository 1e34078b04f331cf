import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { countCap, countMatching, EXACT_LIMIT, LARGE_COUNT } from "./count";
import { parseCallFilters } from "./filters";

const SMALL = 550_000_000_000_001n;
const LARGE = 550_000_000_000_002n;

beforeAll(async () => {
  await prisma.$executeRaw`
    INSERT INTO call_records (call_record_id, robot_call_job_id, name, source, content_hash)
    SELECT 6100000000000000000 + g, CASE WHEN g <= 7 THEN ${SMALL}::bigint ELSE ${LARGE}::bigint END, 'debtor ' || g, 'seed', repeat('0', 64)
    FROM generate_series(1, ${EXACT_LIMIT + 500}) g`;
  await prisma.$executeRaw`ANALYZE call_records`;
});

describe("countMatching", () => {
  it("is exact for small results", async () => {
    expect(await countMatching(parseCallFilters({ job: SMALL.toString() }).filters, "UTC")).toEqual({
      value: 7,
      exact: true,
    });
  });
  it("is exact at any size when the rollups can answer", async () => {
    expect(await countMatching(parseCallFilters({ job: LARGE.toString() }).filters, "UTC")).toEqual({
      value: EXACT_LIMIT + 493,
      exact: true,
    });
  });
  it("estimates large results the rollups cannot answer, never below what it saw", async () => {
    const r = await countMatching(parseCallFilters({ job: LARGE.toString(), q: "debtor" }).filters, "UTC");
    expect(r.exact).toBe(false);
    expect(r.value).toBeGreaterThan(EXACT_LIMIT);
  });
});

describe("countCap", () => {
  it("counts up to the exact limit unless the planner expects ten times as many matches", () => {
    expect(countCap(0)).toBe(EXACT_LIMIT);
    expect(countCap(10 * EXACT_LIMIT - 1)).toBe(EXACT_LIMIT);
    expect(countCap(10 * EXACT_LIMIT)).toBe(LARGE_COUNT);
    expect(LARGE_COUNT).toBeLessThan(EXACT_LIMIT);
  });
});
