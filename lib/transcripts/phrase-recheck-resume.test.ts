import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { Prisma, disconnectPrisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { COMPLIANCE_BIT } from "../compliance/flags";
import { complianceSettings } from "../compliance/checks";
import { complianceCounts } from "../compliance/data";
import { queueCommandRecheck, queueRecheck, runRecheckChunk } from "../compliance/recheck";
import { rollupDrift } from "../../dev/testing/rollup-drift";

/**
 * A phrase recheck stopped part way, on the real database: after its first
 * chunk (a worker stopped between chunks) and inside a chunk (a worker that
 * died mid-transaction), then resumed. The flags, the findings and the
 * rollups end exactly as a fresh count says, with no call counted twice.
 */

afterAll(() => disconnectPrisma());

// Ids of this file: 78720000000000–78720999999999 (test files share one database).
const BASE = 78_720_000_000_000n + BigInt(randomInt(0, 900_000)) * 1_000n;
const JOB = BASE + 900n;
const PHRASE = COMPLIANCE_BIT.phrase;
const CHUNK = 2;

const say = (text: string) => [{ speaker: "callee", start_ms: 0, end_ms: 1000, text }];
const calls = ["上门找你", "您好", "我会上门找你的", undefined, "上门找你", "好的", "上门找你！"].map((t, i) => ({
  call_record_id: (BASE + BigInt(i + 1)).toString(),
  robot_call_job_id: JOB.toString(),
  result_status: "ANSWERED",
  chat_duration: 10,
  start_time: "2026-07-02 10:00:00",
  end_time: "2026-07-02 10:00:10",
  full_audio_url: "https://example.test/a.wav",
  ...(t === undefined ? {} : { transcript: say(t) }),
}));
const planted = calls.filter((c) => c.transcript?.[0]?.text.includes("上门")).map((c) => c.call_record_id);

/** What a fresh count of the stored records says, per kind, for this job (the rollups must agree). */
async function freshCounts() {
  const [row] = await prisma.$queryRaw<{ phrase: number; any: number }[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE compliance_flags & ${PHRASE}::int <> 0)::int AS phrase,
           count(*) FILTER (WHERE compliance_flags <> 0)::int AS any
    FROM call_records WHERE robot_call_job_id = ${JOB}`);
  return row!;
}

const flagged = async () =>
  (
    await prisma.callRecord.findMany({
      where: { robotCallJobId: JOB, complianceFlags: { not: 0 } },
      orderBy: { id: "asc" },
      select: { callRecordId: true, complianceFlags: true },
    })
  ).map((r) => [r.callRecordId.toString(), r.complianceFlags]);

const queued = () =>
  prisma.complianceRecheck.findFirst({ where: { robotCallJobId: JOB }, select: { id: true, afterId: true } });

describe("a phrase recheck stopped and resumed", () => {
  it("ends as a fresh count, with no call counted twice", async () => {
    await ingestCallRecords(calls, { source: "api" });
    const ids = (
      await prisma.callRecord.findMany({ where: { robotCallJobId: JOB }, orderBy: { id: "asc" }, select: { id: true } })
    ).map((r) => r.id);
    expect(ids).toHaveLength(7);
    // Added after the records were stored: only a recheck finds its phrase.
    await prisma.phraseRule.create({
      data: { name: `resume-${BASE}`, kind: "prohibited", pattern: "上门找你", speaker: "callee", jobIds: [JOB] },
    });
    expect(await flagged()).toEqual([]);
    await queueRecheck(JOB, "test", "phrases");

    // The first chunk only: its two records are rechecked and the recheck waits at the second's id.
    expect(await runRecheckChunk(complianceSettings(), CHUNK, JOB)).toBe(CHUNK);
    expect((await queued())?.afterId).toBe(ids[1]);
    expect(await flagged()).toEqual([[calls[0]!.call_record_id, PHRASE]]);
    expect(await complianceCounts(JOB)).toMatchObject(await freshCounts());

    // A worker dying inside the next chunk: its transaction rolls back and the recheck stays where it was.
    const died = runRecheckChunk(complianceSettings(), CHUNK, JOB, async () => {
      throw new Error("worker stopped");
    });
    await expect(died).rejects.toThrow("worker stopped");
    expect((await queued())?.afterId).toBe(ids[1]);
    expect(await flagged()).toEqual([[calls[0]!.call_record_id, PHRASE]]);

    // Resumed (as a new worker would): from the third record to the end.
    let checked = CHUNK;
    for (let n; (n = await runRecheckChunk(complianceSettings(), CHUNK, JOB)) > 0;) checked += n;
    expect(checked).toBe(7);
    expect(await queued()).toBeNull();
    expect(await flagged()).toEqual(planted.map((id) => [id, PHRASE]));
    const findings = await prisma.complianceFinding.findMany({
      where: { record: { robotCallJobId: JOB }, kind: "phrase" },
      select: { recordId: true },
    });
    expect(findings.map((f) => f.recordId.toString()).sort()).toEqual(
      [...new Set(findings.map((f) => f.recordId.toString()))].sort(),
    );
    expect(findings).toHaveLength(planted.length);
    const fresh = await freshCounts();
    expect(fresh).toEqual({ phrase: 4, any: 4 });
    expect(await complianceCounts(JOB)).toMatchObject(fresh);

    // A whole recheck again over what is already right changes no count.
    await queueRecheck(JOB, "test", "phrases");
    while ((await runRecheckChunk(complianceSettings(), CHUNK, JOB)) > 0);
    expect(await complianceCounts(JOB)).toMatchObject(fresh);
    expect(await rollupDrift()).toEqual({ daily: [], total: [] });
  });

  it("npm run compliance:recheck resumes the recheck a stopped run left, whatever its scope", async () => {
    // A stopped run whose settings had changed left a phrases-only recheck under way.
    const stopped = await prisma.complianceRecheck.create({
      data: { robotCallJobId: null, reason: "command", scope: "phrases", afterId: 1n },
    });
    try {
      await prisma.$transaction(async (tx) => {
        // Held, so that a worker another test file started does not run it meanwhile (it skips locked rows).
        await tx.$queryRaw`SELECT id FROM compliance_rechecks WHERE id = ${stopped.id} FOR UPDATE`;
        expect(await queueCommandRecheck(false)).toEqual({ resumed: true });
        expect(await queueCommandRecheck(true)).toEqual({ resumed: true });
        expect(await prisma.complianceRecheck.count({ where: { reason: "command" } })).toBe(1);
        await tx.complianceRecheck.delete({ where: { id: stopped.id } });
      });
    } finally {
      await prisma.complianceRecheck.deleteMany({ where: { id: stopped.id } });
    }
  });
});
