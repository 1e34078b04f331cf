import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { facetCounts } from "./facets";
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
      callRecordId: 5_500_000_000_000n + BigInt(i), robotCallJobId: JOB, resultStatus: status, submissionState: submission,
      intentLevelTagId: tag, intentLevelCode: code, intentLevelDetailName: name, source: "seed" as const, contentHash: "0".repeat(64),
    })),
  });
});

describe("facetCounts", () => {
  it("counts each facet under every other filter but its own", async () => {
    const { filters } = parseCallFilters(new URLSearchParams(`job=${JOB}&status=BUSY`));
    const f = await facetCounts(filters, "Asia/Shanghai");
    expect(f.status).toEqual([{ value: "ANSWERED", count: 3 }, { value: "BUSY", count: 2 }]);
    expect(f.submission.sort((a, b) => a.value.localeCompare(b.value))).toEqual([{ value: "accepted", count: 1 }, { value: "not_submitted", count: 1 }]);
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
