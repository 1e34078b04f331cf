import { randomInt } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { seedReviewer, seedReviews, seedScorecard } from "../../../dev/testing/score-fixture";
import { parseCallFilters } from "../query/filters";
import { exportCallRecordsCsv } from "./export";

// Test ids of this file: 78530000000000–78539999999999 (tests share one database).
const BASE = 78_530_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const JOB = BASE + 900n;
const ids: bigint[] = [];

beforeAll(async () => {
  for (let i = 1; i <= 4; i++) {
    const r = await prisma.callRecord.create({
      data: { callRecordId: BASE + BigInt(i), robotCallJobId: JOB, source: "seed", contentHash: "0".repeat(64) },
    });
    ids.push(r.id);
  }
  const version = await seedScorecard(`Collections ${BASE}`);
  const reviewer = await seedReviewer("Export Scorer");
  const at = new Date("2026-11-02T03:00:00Z");
  await seedReviews([
    { recordId: ids[0]!, reviewerId: reviewer, score: 87.25, versionId: version, at },
    { recordId: ids[1]!, reviewerId: reviewer, score: 40, criticalFailed: true, versionId: version, at },
    // Scored, then given a verdict without a scorecard: no current score.
    { recordId: ids[2]!, reviewerId: reviewer, score: 90, versionId: version, at },
    { recordId: ids[2]!, reviewerId: reviewer, score: null, at: new Date(at.getTime() + 60_000) },
  ]);
});

afterAll(async () => {
  await prisma.callRecord.deleteMany({ where: { robotCallJobId: JOB } });
});

async function exported(query: string): Promise<Map<string, Record<string, string>>> {
  let csv = "";
  for await (const part of exportCallRecordsCsv(parseCallFilters(new URLSearchParams(query)).filters, "UTC", {
    masked: true,
  }))
    csv += part;
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  const names = header!.split(",");
  // No cell of these rows holds a comma or a quote, so a plain split finds the columns.
  return new Map(
    rows.map((r) => {
      const cells = r.split(",");
      return [cells[0]!, Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ""]))];
    }),
  );
}

it("writes the current review's score, critical failure and scorecard version, empty when unscored", async () => {
  const byId = await exported(`job=${JOB}`);
  const cols = (i: number) => {
    const row = byId.get((BASE + BigInt(i)).toString())!;
    return [row.review_score, row.review_critical_failed, row.scorecard_version];
  };
  expect(cols(1)).toEqual(["87.25", "false", `Collections ${BASE} v1`]);
  expect(cols(2)).toEqual(["40", "true", `Collections ${BASE} v1`]);
  expect(cols(3)).toEqual(["", "", ""]);
  expect(cols(4)).toEqual(["", "", ""]);
});

it("exports what /calls?minScore=…&maxScore=…&critical=… lists", async () => {
  const keys = async (q: string) => [...(await exported(`job=${JOB}&${q}`)).keys()].sort();
  expect(await keys("minScore=50")).toEqual([String(BASE + 1n)]);
  expect(await keys("maxScore=87.25")).toEqual([BASE + 1n, BASE + 2n].map(String).sort());
  expect(await keys("critical=failed")).toEqual([String(BASE + 2n)]);
  expect(await keys("critical=passed")).toEqual([String(BASE + 1n)]);
  expect(await keys("minScore=0")).toEqual([BASE + 1n, BASE + 2n].map(String).sort());
});
