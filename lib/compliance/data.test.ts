import { randomInt } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectPrisma, Prisma, prisma } from "../db/client";
import { compactRollups } from "../call-records/rollups";
import { COMPLIANCE_BIT } from "./flags";
import { complianceCounts, type ComplianceCounts } from "./data";

// Test ids of this file: 78500000000000–78509999999999 (tests share one database).
const BASE = 78_500_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const JOB = BASE + 900n;
const OTHER_JOB = BASE + 901n;
const { hours, frequency, anomaly, phrase } = COMPLIANCE_BIT;

// Planted flags: two kinds on one call (counted under each kind, once under `any`), clean calls, another job.
const PLANTED: { job: bigint; flags: number }[] = [
  { job: JOB, flags: hours },
  { job: JOB, flags: hours | frequency },
  { job: JOB, flags: anomaly | phrase },
  { job: JOB, flags: 0 },
  { job: JOB, flags: 0 },
  { job: OTHER_JOB, flags: hours | anomaly },
];

beforeAll(async () => {
  await prisma.callRecord.createMany({
    data: PLANTED.map((p, i) => ({
      callRecordId: BASE + BigInt(i + 1),
      robotCallJobId: p.job,
      resultStatus: "ANSWERED",
      source: "seed",
      contentHash: "0".repeat(64),
      complianceFlags: p.flags,
    })),
  });
});

afterAll(async () => {
  await prisma.callRecord.deleteMany({ where: { robotCallJobId: { in: [JOB, OTHER_JOB] } } });
  await disconnectPrisma();
});

/** The same counts by a fresh scan of the job's records, as /calls?job=…&compliance=… would count them. */
async function scanned(job: bigint): Promise<ComplianceCounts> {
  const [r] = await prisma.$queryRaw<Record<keyof ComplianceCounts, bigint>[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE compliance_flags & ${hours}::int <> 0) AS hours,
           count(*) FILTER (WHERE compliance_flags & ${frequency}::int <> 0) AS frequency,
           count(*) FILTER (WHERE compliance_flags & ${anomaly}::int <> 0) AS anomaly,
           count(*) FILTER (WHERE compliance_flags & ${phrase}::int <> 0) AS phrase,
           count(*) FILTER (WHERE compliance_flags <> 0) AS any
    FROM call_records WHERE robot_call_job_id = ${job}`);
  return {
    hours: Number(r!.hours),
    frequency: Number(r!.frequency),
    anomaly: Number(r!.anomaly),
    phrase: Number(r!.phrase),
    any: Number(r!.any),
  };
}

it("counts a job's flagged calls from the rollups exactly as a scan of its records does", async () => {
  const counts = await complianceCounts(JOB);
  expect(counts).toEqual({ hours: 2, frequency: 1, anomaly: 1, phrase: 1, any: 3 });
  expect(counts).toEqual(await scanned(JOB));
  expect(await complianceCounts(OTHER_JOB)).toEqual(await scanned(OTHER_JOB));
});

it("stays exact when flags change and after the deltas are folded in", async () => {
  await prisma.callRecord.update({ where: { callRecordId: BASE + 4n }, data: { complianceFlags: frequency } });
  await prisma.callRecord.update({ where: { callRecordId: BASE + 1n }, data: { complianceFlags: 0 } });
  expect(await complianceCounts(JOB)).toEqual(await scanned(JOB));
  await compactRollups();
  expect(await complianceCounts(JOB)).toEqual({ hours: 1, frequency: 2, anomaly: 1, phrase: 1, any: 3 });
  expect(await complianceCounts(JOB)).toEqual(await scanned(JOB));
});

it("counts all jobs together, this file's calls among them", async () => {
  const all = await complianceCounts();
  for (const kind of ["hours", "frequency", "anomaly", "phrase", "any"] as const)
    expect(all[kind]).toBeGreaterThanOrEqual((await scanned(JOB))[kind] + (await scanned(OTHER_JOB))[kind]);
  expect(all.any).toBeLessThanOrEqual(all.hours + all.frequency + all.anomaly + all.phrase);
});
