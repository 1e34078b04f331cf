import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { COMPLIANCE_BIT } from "../compliance/flags";
import { listCallRecords } from "../call-records/query/data";
import { parseCallFilters } from "../call-records/query/filters";

// Ids of this file: 78000000000000–78000000099999 (test files share one database).
let next = 78000000000000n;
const newId = () => ++next;
const JOB = 78000000090001n;
const OTHER_JOB = 78000000090002n;

afterAll(() => disconnectPrisma());

const say = (speaker: "robot" | "callee", start: number, text: string) => ({
  speaker,
  start_ms: start,
  end_ms: start + 1000,
  text,
});

function wire(id: bigint, transcript?: unknown, job = JOB) {
  return {
    call_record_id: id.toString(),
    robot_call_job_id: job.toString(),
    result_status: "ANSWERED",
    start_time: "2026-03-01 08:00:00",
    ...(transcript !== undefined ? { transcript } : {}),
  };
}

const stored = (id: bigint) =>
  prisma.callTranscript.findFirst({
    where: { record: { callRecordId: id } },
    select: { utterances: true, searchText: true },
  });

describe("transcript ingest", () => {
  it("rejects malformed utterances with an error naming each field, and stores nothing of that record", async () => {
    const bad = newId();
    const good = newId();
    const result = await ingestCallRecords(
      [
        wire(bad, [
          say("robot", 0, "您好"),
          { speaker: "agent", start_ms: 1000, end_ms: 2000, text: "x" },
          { speaker: "callee", start_ms: 3000, end_ms: 2500, text: "嗯" },
          { speaker: "callee", start_ms: -1, end_ms: 2.5, text: "" },
          say("robot", 10, "earlier than the one before"),
        ]),
        wire(good, [say("robot", 0, "您好")]),
      ],
      { source: "api" },
    );
    expect(result.results[0]).toMatchObject({ outcome: "rejected", call_record_id: bad.toString() });
    expect(result.results[0]!.errors).toEqual([
      { field: "transcript[1].speaker", message: 'must be "robot" or "callee"' },
      { field: "transcript[2].end_ms", message: "is before start_ms" },
      { field: "transcript[3].start_ms", message: "must be 0 or more" },
      { field: "transcript[3].end_ms", message: "must be a whole number of milliseconds" },
      { field: "transcript[3].text", message: "is required" },
      { field: "transcript[4].start_ms", message: "is before the previous utterance's start_ms (keep them in order)" },
    ]);
    expect(result.results[1]).toMatchObject({ outcome: "created", errors: [] });
    expect(await prisma.callRecord.count({ where: { callRecordId: bad } })).toBe(0);
    expect(await stored(good)).toMatchObject({ utterances: [say("robot", 0, "您好")] });
  });

  it("rejects a transcript that is not an array, or too long, beside the record's other errors", async () => {
    const id = newId();
    const notArray = await ingestCallRecords([{ ...wire(id, "hello"), chat_duration: "x" }], { source: "api" });
    expect(notArray.results[0]!.errors.map((e) => e.field)).toEqual(["chat_duration", "transcript"]);
    const long = await ingestCallRecords([wire(id, [say("robot", 0, "x".repeat(2001))])], { source: "api" });
    expect(long.results[0]!.errors).toEqual([
      { field: "transcript[0].text", message: "is longer than 2000 characters" },
    ]);
  });

  it("a re-push replaces the transcript (reported as updated), leaves it without the key, removes it with null", async () => {
    const id = newId();
    await ingestCallRecords([wire(id, [say("robot", 0, "first version")])], { source: "api" });
    const same = await ingestCallRecords([wire(id, [say("robot", 0, "first version")])], { source: "api" });
    expect(same.results[0]!.outcome).toBe("unchanged");
    const replaced = await ingestCallRecords([wire(id, [say("robot", 0, "second"), say("callee", 1500, "ok")])], {
      source: "import",
    });
    expect(replaced.results[0]!.outcome).toBe("updated");
    expect(await stored(id)).toEqual({
      utterances: [say("robot", 0, "second"), say("callee", 1500, "ok")],
      searchText: "second\nok",
    });
    expect((await ingestCallRecords([wire(id)], { source: "api" })).results[0]!.outcome).toBe("unchanged");
    expect(await stored(id)).not.toBeNull();
    expect((await ingestCallRecords([wire(id, null)], { source: "api" })).results[0]!.outcome).toBe("updated");
    expect(await stored(id)).toBeNull();
  });
});

describe("phrase rules at ingest", () => {
  it("flag exactly the planted phrases: plain and regex, required and prohibited, by speaker and job", async () => {
    const rules = await prisma.phraseRule.createManyAndReturn({
      data: [
        { name: "recording notice", kind: "required", pattern: "本次通话 将被录音", speaker: "robot", jobIds: [JOB] },
        {
          name: "firm",
          kind: "required",
          pattern: "(诚信|信达)律师事务所",
          isRegex: true,
          speaker: "robot",
          jobIds: [JOB],
        },
        { name: "threat", kind: "prohibited", pattern: "上门.{0,4}找你", isRegex: true, speaker: "any", jobIds: [JOB] },
        { name: "insult", kind: "prohibited", pattern: "Idiot", speaker: "robot", jobIds: [JOB, OTHER_JOB] },
      ],
    });
    const [notice, firm, threat, insult] = rules.map((r) => r.id.toString());
    const clean = newId();
    const dirty = newId();
    const otherJob = newId();
    const none = newId();
    await ingestCallRecords(
      [
        wire(clean, [
          say("robot", 0, "您好，本次通话将被录音。"),
          say("robot", 2000, "这里是信达律师事务所"),
          say("callee", 4000, "idiot"),
        ]),
        wire(dirty, [
          say("robot", 0, "这里是某某公司"),
          say("callee", 2000, "你是 IDIOT 吗"),
          say("robot", 4000, "我们明天上门来找你, idiot"),
        ]),
        wire(otherJob, [say("robot", 0, "上门找你")], OTHER_JOB),
        wire(none),
      ],
      { source: "api" },
    );
    const findings = async (id: bigint) =>
      (
        await prisma.complianceFinding.findMany({
          where: { record: { callRecordId: id }, kind: "phrase" },
          orderBy: { id: "asc" },
        })
      ).map((f) => ({ code: f.code, ...(f.detail as object) }));
    const flags = async (id: bigint) =>
      (await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } })).complianceFlags;

    // plain text ignores case and whitespace; the callee's "idiot" is not the robot's
    expect(await findings(clean)).toEqual([]);
    expect(await findings(dirty)).toEqual([
      { code: "required_missing", rule_id: notice, rule_name: "recording notice", pattern: "本次通话 将被录音" },
      { code: "required_missing", rule_id: firm, rule_name: "firm", pattern: "(诚信|信达)律师事务所" },
      {
        code: "prohibited_present",
        rule_id: threat,
        rule_name: "threat",
        pattern: "上门.{0,4}找你",
        utterance: 2,
        start_ms: 4000,
        speaker: "robot",
        match: "上门来找你",
      },
      {
        code: "prohibited_present",
        rule_id: insult,
        rule_name: "insult",
        pattern: "Idiot",
        utterance: 2,
        start_ms: 4000,
        speaker: "robot",
        match: "idiot",
      },
    ]);
    // the threat rule is for JOB only; the insult rule covers OTHER_JOB but nothing matched
    expect(await findings(otherJob)).toEqual([]);
    expect(await findings(none)).toEqual([]);
    // only bit 8 is this writer's (the other checks may flag these answered calls without audio as anomalies)
    expect((await flags(dirty)) & COMPLIANCE_BIT.phrase).toBe(COMPLIANCE_BIT.phrase);
    expect((await flags(otherJob)) & COMPLIANCE_BIT.phrase).toBe(0);

    // Another check's bits stay; a fixed transcript clears bit 8 and the phrase findings only.
    await prisma.callRecord.update({
      where: { callRecordId: dirty },
      data: { complianceFlags: COMPLIANCE_BIT.hours | COMPLIANCE_BIT.phrase },
    });
    await prisma.complianceFinding.create({
      data: { record: { connect: { callRecordId: dirty } }, kind: "hours", code: "outside_hours" },
    });
    await ingestCallRecords(
      [wire(dirty, [say("robot", 0, "本次通话将被录音"), say("robot", 1000, "诚信律师事务所")])],
      { source: "api" },
    );
    expect(await findings(dirty)).toEqual([]);
    expect(await flags(dirty)).toBe(COMPLIANCE_BIT.hours);
    expect(await prisma.complianceFinding.count({ where: { record: { callRecordId: dirty }, kind: "hours" } })).toBe(1);
    await prisma.phraseRule.deleteMany({ where: { id: { in: rules.map((r) => r.id) } } });
  });
});

describe("text search", () => {
  it("q= also finds what was said, with or without case, beside names", async () => {
    const said = newId();
    const named = newId();
    await ingestCallRecords(
      [
        wire(said, [say("robot", 0, "您好"), say("callee", 1000, "我下周三 Zhuanzhang 还款")]),
        { ...wire(named), name: "zhuanzhang-like name" },
      ],
      { source: "api" },
    );
    const ids = async (q: string) =>
      (
        await listCallRecords(
          parseCallFilters(new URLSearchParams({ q, job: JOB.toString() })).filters,
          "Asia/Shanghai",
        )
      ).rows
        .map((r) => r.call_record_id.toString())
        .sort();
    expect(await ids("下周三")).toEqual([said.toString()]);
    expect(await ids("zhuanzhang")).toEqual([said.toString(), named.toString()].sort());
    expect(await ids("周三zh")).toEqual([]);
  });
});
