import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { COMPLIANCE_BIT } from "../compliance/flags";
import { complianceSettings } from "../compliance/checks";
import { complianceCounts } from "../compliance/data";
import { queueRecheck, runRecheckChunk } from "../compliance/recheck";
import { rollupDrift } from "../../dev/testing/rollup-drift";

/**
 * The recheck of phrase rules over stored transcripts, on the real database:
 * a rule added after the records were stored finds exactly the planted
 * phrases once rechecked, and disabling or deleting it clears them, with the
 * other kinds' bits and the rollups kept exact.
 */

afterAll(() => disconnectPrisma());

// Ids of this file: 78700000000000–78700999999999 (test files share one database).
const BASE = 78_700_000_000_000n + BigInt(randomInt(0, 900_000)) * 1_000n;
const JOB = BASE + 900n;
const OTHER_JOB = BASE + 901n;
const PHRASE = COMPLIANCE_BIT.phrase;
const HOURS = COMPLIANCE_BIT.hours;

const say = (speaker: "robot" | "callee", start: number, text: string) => ({
  speaker,
  start_ms: start,
  end_ms: start + 1000,
  text,
});

let n = 0n;
function call(transcript: unknown, opts: { job?: bigint; at?: string } = {}) {
  n += 1n;
  return {
    call_record_id: (BASE + n).toString(),
    robot_call_job_id: (opts.job ?? JOB).toString(),
    result_status: "ANSWERED",
    chat_duration: 10,
    start_time: `2026-07-01 ${opts.at ?? "10:00"}:00`,
    end_time: `2026-07-01 ${opts.at ?? "10:00"}:10`,
    full_audio_url: "https://example.test/a.wav",
    ...(transcript === undefined ? {} : { transcript }),
  };
}

/** Runs this job's recheck to its end, two records a chunk (another process may hold it for a moment). */
async function recheck(job: bigint) {
  await queueRecheck(job, "test", "phrases");
  for (let i = 0; i < 500; i++) {
    if ((await runRecheckChunk(complianceSettings(), 2, job)) > 0) continue;
    if ((await prisma.complianceRecheck.count({ where: { robotCallJobId: job } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the recheck did not finish");
}

const flagsOf = async (ids: string[]) => {
  const rows = await prisma.callRecord.findMany({
    where: { callRecordId: { in: ids.map(BigInt) } },
    select: { callRecordId: true, complianceFlags: true },
  });
  return Object.fromEntries(rows.map((r) => [r.callRecordId.toString(), r.complianceFlags]));
};

describe("phrase rules rechecked over stored transcripts", () => {
  it("flags exactly the planted records after a rule is added, and clears them when it is disabled or deleted", async () => {
    const planted = [
      call([say("robot", 0, "您好"), say("callee", 2000, "我明天上门来找你")]),
      call([say("callee", 0, "上门找你！")]),
      call([say("robot", 0, "您好"), say("callee", 1500, "嗯"), say("callee", 3000, "上门  找你")]),
      // Outside the calling hours as well: the recheck keeps that bit.
      call([say("callee", 0, "上门找你")], { at: "03:00" }),
    ];
    const decoys = [
      call([say("robot", 0, "上门找你")]), // the rule's speaker is the callee
      call([say("callee", 0, "您好，请讲")]),
      call(undefined), // no transcript: nothing heard, nothing found
      call([say("callee", 0, "上门找你")], { job: OTHER_JOB }), // not one of the rule's jobs
    ];
    const results = await ingestCallRecords([...planted, ...decoys], { source: "api" });
    expect(results.results.map((r) => r.outcome)).toEqual(Array(8).fill("created"));
    const ids = [...planted, ...decoys].map((r) => r.call_record_id);
    const plantedIds = planted.map((r) => r.call_record_id);
    const hoursId = planted[3]!.call_record_id;
    const expectedFlags = (phrase: boolean) =>
      Object.fromEntries(
        ids.map((id) => [id, (plantedIds.includes(id) && phrase ? PHRASE : 0) | (id === hoursId ? HOURS : 0)]),
      );
    expect(await flagsOf(ids)).toEqual(expectedFlags(false));

    // Added after the records were stored: ingest never saw it.
    const rule = await prisma.phraseRule.create({
      data: {
        name: `recheck-${BASE}`,
        kind: "prohibited",
        pattern: "上门.{0,4}找你",
        isRegex: true,
        speaker: "callee",
        jobIds: [JOB],
      },
    });
    expect(await flagsOf(ids)).toEqual(expectedFlags(false));

    await recheck(JOB);
    await recheck(OTHER_JOB);
    expect(await flagsOf(ids)).toEqual(expectedFlags(true));
    const findings = await prisma.complianceFinding.findMany({
      where: { record: { robotCallJobId: { in: [JOB, OTHER_JOB] } }, kind: "phrase" },
      select: { code: true, detail: true, record: { select: { callRecordId: true } } },
    });
    expect(findings.map((f) => f.record.callRecordId.toString()).sort()).toEqual([...plantedIds].sort());
    expect(findings.every((f) => f.code === "prohibited_present")).toBe(true);
    expect(findings.map((f) => (f.detail as { rule_id: string }).rule_id)).toEqual(Array(4).fill(rule.id.toString()));
    // The rollups moved with the flags.
    expect(await complianceCounts(JOB)).toMatchObject({ phrase: 4, hours: 1, any: 4 });
    expect((await complianceCounts(OTHER_JOB)).phrase).toBe(0);

    // Rechecking again changes nothing.
    await recheck(JOB);
    expect(await flagsOf(ids)).toEqual(expectedFlags(true));
    expect(await prisma.complianceFinding.count({ where: { record: { robotCallJobId: JOB }, kind: "phrase" } })).toBe(
      4,
    );

    await prisma.phraseRule.update({ where: { id: rule.id }, data: { enabled: false } });
    await recheck(JOB);
    expect(await flagsOf(ids)).toEqual(expectedFlags(false));
    expect(await prisma.complianceFinding.count({ where: { record: { robotCallJobId: JOB }, kind: "phrase" } })).toBe(
      0,
    );
    expect(await complianceCounts(JOB)).toMatchObject({ phrase: 0, hours: 1, any: 1 });

    // Enabled again, then deleted: the flags come back, then go.
    await prisma.phraseRule.update({ where: { id: rule.id }, data: { enabled: true } });
    await recheck(JOB);
    expect(await flagsOf(ids)).toEqual(expectedFlags(true));
    await prisma.phraseRule.delete({ where: { id: rule.id } });
    await recheck(JOB);
    expect(await flagsOf(ids)).toEqual(expectedFlags(false));
    expect(await complianceCounts(JOB)).toMatchObject({ phrase: 0, hours: 1, any: 1 });
    expect(await rollupDrift()).toEqual({ daily: [], total: [] });
  });

  it("clears a phrase flag left on a record whose transcript is gone", async () => {
    const [lone] = [call(undefined)];
    await ingestCallRecords([lone!], { source: "api" });
    const id = BigInt(lone!.call_record_id);
    const record = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id }, select: { id: true } });
    await prisma.complianceFinding.create({ data: { recordId: record.id, kind: "phrase", code: "required_missing" } });
    await prisma.callRecord.update({ where: { id: record.id }, data: { complianceFlags: PHRASE } });
    await recheck(JOB);
    expect((await prisma.callRecord.findUniqueOrThrow({ where: { id: record.id } })).complianceFlags).toBe(0);
    expect(await prisma.complianceFinding.count({ where: { recordId: record.id } })).toBe(0);
  });
});
