import { randomInt } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { COMPLIANCE_BIT } from "../../compliance/flags";
import { parseCallFilters } from "../query/filters";
import { exportCallRecordsCsv } from "./export";

// Test ids of this file: 78520000000000–78529999999999 (tests share one database).
const BASE = 78_520_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const JOB = BASE + 900n;
const { hours, frequency, anomaly, phrase } = COMPLIANCE_BIT;
const FLAGS = [0, hours, frequency | anomaly, hours | frequency | anomaly | phrase];

beforeAll(async () => {
  await prisma.callRecord.createMany({
    data: FLAGS.map((flags, i) => ({
      callRecordId: BASE + BigInt(i + 1),
      robotCallJobId: JOB,
      source: "seed" as const,
      contentHash: "0".repeat(64),
      complianceFlags: flags,
    })),
  });
});

afterAll(async () => {
  await prisma.callRecord.deleteMany({ where: { robotCallJobId: JOB } });
});

async function exported(query: string): Promise<Map<string, string>> {
  let csv = "";
  for await (const part of exportCallRecordsCsv(parseCallFilters(new URLSearchParams(query)).filters, "UTC", {
    masked: true,
  }))
    csv += part;
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  const column = header!.split(",").indexOf("compliance_flags");
  expect(column).toBeGreaterThan(0);
  // No cell of these rows holds a comma or a quote, so a plain split finds the column.
  return new Map(rows.map((r) => [r.split(",")[0]!, r.split(",")[column]!]));
}

it("writes each call's compliance flags as kind names, `;`-separated in their fixed order", async () => {
  const byId = await exported(`job=${JOB}`);
  expect(byId.get((BASE + 1n).toString())).toBe("");
  expect(byId.get((BASE + 2n).toString())).toBe("hours");
  expect(byId.get((BASE + 3n).toString())).toBe("frequency;anomaly");
  expect(byId.get((BASE + 4n).toString())).toBe("hours;frequency;anomaly;phrase");
});

it("exports what /calls?compliance= lists", async () => {
  expect([...(await exported(`job=${JOB}&compliance=hours`)).keys()].sort()).toEqual(
    [BASE + 2n, BASE + 4n].map(String).sort(),
  );
  expect((await exported(`job=${JOB}&compliance=any`)).size).toBe(3);
});
