import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFor } from "../auth/test-session";
import { listCallRecords } from "../call-records/query/data";
import { parseCallFilters } from "../call-records/query/filters";
import { COMPLIANCE_BIT } from "../compliance/flags";
import { prisma } from "../db/client";
import { claimNext } from "./mutations";
import { queueParams } from "./queue";

const TZ = "Asia/Shanghai";
// Test ids of this file: 78510000000000–78519999999999 (tests share one database).
const BASE = 78_510_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const JOB = BASE + 900n;
const { hours, frequency, anomaly } = COMPLIANCE_BIT;
const FLAGS = [hours, hours | frequency, anomaly, 0, 0];
const ids = FLAGS.map((_, i) => BASE + BigInt(i + 1));

beforeAll(async () => {
  await prisma.callRecord.createMany({
    data: FLAGS.map((flags, i) => ({
      callRecordId: ids[i]!,
      robotCallJobId: JOB,
      resultStatus: "ANSWERED",
      startTime: new Date(Date.UTC(2026, 10, 20, 2, i)),
      source: "seed",
      contentHash: "0".repeat(64),
      complianceFlags: flags,
    })),
  });
});

afterAll(async () => {
  await prisma.callRecord.deleteMany({ where: { robotCallJobId: JOB } });
});

/** The queue /review?<query> works through. */
const queue = (query: string) => parseCallFilters(queueParams(new URLSearchParams(query), TZ));

/** Every record a reviewer is handed in turn, moving on from each. */
async function workThrough(query: string): Promise<bigint[]> {
  const s = await sessionFor("reviewer");
  const seen: bigint[] = [];
  for (let next = await claimNext(s.userId, queue(query).filters, TZ, { exclude: seen, ttlMs: 60_000 }); next;) {
    seen.push(next);
    next = await claimNext(s.userId, queue(query).filters, TZ, { exclude: seen, ttlMs: 60_000 });
  }
  await prisma.reviewClaim.deleteMany({ where: { userId: s.userId } });
  return seen.sort();
}

describe("the review queue of calls with a compliance flag", () => {
  it("keeps the compliance parameter beside the existing ones", () => {
    expect(queueParams(new URLSearchParams("compliance=any&t=4"), TZ).toString()).toBe("compliance=any");
    expect(queueParams(new URLSearchParams("review=unreviewed&compliance=hours&job=1"), TZ).toString()).toBe(
      "review=unreviewed&compliance=hours&job=1",
    );
  });

  it("keeps every /calls filter a queue link may carry: scores, hold, received before", () => {
    const query = "minScore=60&maxScore=90&critical=failed&hold=held&receivedBefore=2026-12-01";
    expect(queueParams(new URLSearchParams(query), TZ).toString()).toBe(query);
  });

  it("reports an unknown kind as an ignored parameter and falls back to the rest of the queue", () => {
    const { filters, errors } = queue("compliance=sometimes&job=1");
    expect(errors.map((e) => e.param)).toEqual(["compliance"]);
    expect(filters.compliance).toEqual([]);
    expect(filters.job).toEqual([1n]);
  });

  it("hands out exactly the flagged calls, the same rows /calls lists for the same link", async () => {
    const flagged = ids.filter((_, i) => FLAGS[i] !== 0).sort();
    expect(await workThrough(`job=${JOB}&compliance=any`)).toEqual(flagged);
    const listed = await listCallRecords(queue(`job=${JOB}&compliance=any`).filters, TZ);
    expect(listed.rows.map((r) => r.call_record_id).sort()).toEqual(flagged);
  });

  it("hands out one kind's calls, a call with two kinds under each", async () => {
    expect(await workThrough(`job=${JOB}&compliance=hours`)).toEqual([ids[0], ids[1]]);
    expect(await workThrough(`job=${JOB}&compliance=frequency`)).toEqual([ids[1]]);
    expect(await workThrough(`job=${JOB}&compliance=phrase`)).toEqual([]);
  });
});
