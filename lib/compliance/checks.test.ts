import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, inTransaction, Prisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { rollupSource } from "../call-records/rollups";
import { checkRecords, complianceSettings } from "./checks";
import { earlierCallsCap, MAX_LINKED_CALLS } from "./check-sql";
import { runFollowups } from "./followups";
import { countMatching } from "../call-records/query/count";
import { facetCounts } from "../call-records/query/facets";
import { parseCallFilters } from "../call-records/query/filters";

afterAll(() => disconnectPrisma());

// Test ids of this file: 77000000000000–77009999999999 (tests share one database).
const BASE = 77_000_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
let seq = 0n;
const nextId = () => BASE + ++seq;
const JOB_A = BASE + 900n;
const JOB_B = BASE + 901n;
const JOB_OVERRIDE = BASE + 902n;
// Numbers of this run only: the frequency check counts every job's calls to a number.
const RUN = randomInt(0, 10_000_000).toString().padStart(7, "0");
let numberSeq = 0;
const nextNumber = () => `177${RUN}${(++numberSeq).toString().padStart(2, "0")}`;

/** A clean answered call at `local` (DISPLAY_TIME_ZONE, Asia/Shanghai in tests) lasting 30 s. */
function call(local: string, extra: Record<string, unknown> = {}) {
  const start = new Date(`${local.replace(" ", "T")}+08:00`);
  const end = new Date(start.getTime() + 30_000);
  const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
  return {
    call_record_id: nextId().toString(),
    robot_call_job_id: JOB_A.toString(),
    called_phone_number: nextNumber(),
    result_status: "ANSWERED",
    chat_duration: 30,
    start_time: fmt(start),
    end_time: fmt(end),
    full_audio_url: "https://example.test/a.wav",
    rpc_context: {},
    ...extra,
  };
}

type Wire = ReturnType<typeof call>;

async function ingest(records: Wire[]) {
  const res = await ingestCallRecords(records, { source: "api" });
  expect(res.summary.rejected).toBe(0);
}

async function findings(w: Wire) {
  const rows = await prisma.complianceFinding.findMany({
    where: { record: { callRecordId: BigInt(w.call_record_id) } },
    orderBy: { code: "asc" },
  });
  return rows.map((f) => ({ kind: f.kind, code: f.code, detail: f.detail }));
}

/** The followups queued at `number` (the worker's rechecks of its later calls). */
const queuedAt = (number: string) => prisma.complianceFollowup.count({ where: { calledPhoneNumber: number } });

const flags = async (w: Wire) =>
  (await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: BigInt(w.call_record_id) } })).complianceFlags;

beforeAll(async () => {
  await prisma.robotCallJob.upsert({
    where: { robotCallJobId: JOB_OVERRIDE },
    create: { robotCallJobId: JOB_OVERRIDE, callingHours: "09:00-18:00" },
    update: { callingHours: "09:00-18:00" },
  });
});

describe("calling hours", () => {
  it("flags exactly the calls outside the window, at its edges in the display time zone", async () => {
    const early = call("2026-06-01 07:59:59");
    const first = call("2026-06-01 08:00:00");
    const last = call("2026-06-01 20:59:59");
    const late = call("2026-06-01 21:00:00");
    const jobEarly = call("2026-06-01 08:30:00", { robot_call_job_id: JOB_OVERRIDE.toString() });
    const jobLate = call("2026-06-01 18:00:00", { robot_call_job_id: JOB_OVERRIDE.toString() });
    const jobIn = call("2026-06-01 17:59:59", { robot_call_job_id: JOB_OVERRIDE.toString() });
    await ingest([early, first, last, late, jobEarly, jobLate, jobIn]);
    expect(await Promise.all([early, first, last, late, jobEarly, jobLate, jobIn].map(flags))).toEqual([
      1, 0, 0, 1, 1, 1, 0,
    ]);
    expect(await findings(early)).toEqual([
      {
        kind: "hours",
        code: "outside_hours",
        detail: { window: "08:00-21:00", job_override: false, time_zone: "Asia/Shanghai", local_time: "07:59:59" },
      },
    ]);
    expect((await findings(jobLate))[0]?.detail).toMatchObject({ window: "09:00-18:00", job_override: true });
  });
});

describe("contact frequency", () => {
  it("flags the call over the daily limit across jobs, linking the earlier calls, also when it arrived first", async () => {
    const n = nextNumber();
    const [a, b, c, d] = ["09:00", "10:00", "11:00", "12:00"].map((t, i) =>
      call(`2026-06-02 ${t}:00`, { called_phone_number: n, robot_call_job_id: (i % 2 ? JOB_B : JOB_A).toString() }),
    ) as [Wire, Wire, Wire, Wire];
    await ingest([d]);
    expect(await flags(d)).toBe(0);
    expect(await queuedAt(n)).toBe(0);
    await ingest([a, b, c]);
    expect(await queuedAt(n)).toBe(3);
    expect(await flags(d)).toBe(0);
    await runFollowups();
    expect(await queuedAt(n)).toBe(0);
    expect(await Promise.all([a, b, c, d].map(flags))).toEqual([0, 0, 0, 2]);
    expect(await findings(d)).toEqual([
      {
        kind: "frequency",
        code: "daily_limit",
        detail: {
          limit: 3,
          calls: 4,
          at_least: false,
          day: "2026-06-02",
          time_zone: "Asia/Shanghai",
          earlier: [c, b, a].map((w) => w.call_record_id),
        },
      },
    ]);
    // The first call moves to another number: the fourth is the third that day.
    await ingest([{ ...a, called_phone_number: nextNumber() }]);
    expect(await queuedAt(n)).toBe(1);
    await runFollowups();
    expect(await flags(d)).toBe(0);
    expect(await findings(d)).toEqual([]);
  });

  it("counts days in the display time zone: midnight there, not in UTC", async () => {
    // Local 18:00, 19:00, 20:00 on 06-03, then 07:30 on 06-04: the same UTC day, another local day.
    const n = nextNumber();
    const evening = ["2026-06-03 18:00:00", "2026-06-03 19:00:00", "2026-06-03 20:00:00", "2026-06-04 07:30:00"].map(
      (t) => call(t, { called_phone_number: n }),
    );
    // Local 07:00 to 11:00 on 06-06: two UTC days, one local day.
    const m = nextNumber();
    const morning = ["2026-06-06 07:00:00", "2026-06-06 09:00:00", "2026-06-06 10:00:00", "2026-06-06 11:00:00"].map(
      (t) => call(t, { called_phone_number: m }),
    );
    await ingest([...evening, ...morning]);
    expect(await Promise.all(evening.map(flags))).toEqual([0, 0, 0, 1]);
    expect(await Promise.all(morning.map(flags))).toEqual([1, 0, 0, 2]);
  });

  it("flags the call over the 7-day limit, the window being its day and the 6 before", async () => {
    const n = nextNumber();
    const calls: Wire[] = [];
    for (const day of ["10", "11", "12", "13", "14"])
      for (const t of ["09:00", "15:00"]) calls.push(call(`2026-06-${day} ${t}:00`, { called_phone_number: n }));
    const eleventh = call("2026-06-16 10:00:00", { called_phone_number: n });
    const twelfth = call("2026-06-17 10:00:00", { called_phone_number: n });
    await ingest([...calls, eleventh, twelfth]);
    expect(await Promise.all([...calls, eleventh, twelfth].map(flags))).toEqual([...calls.map(() => 0), 2, 0]);
    const [finding] = await findings(eleventh);
    expect(finding).toMatchObject({
      code: "weekly_limit",
      detail: { limit: 10, calls: 11, from: "2026-06-10", to: "2026-06-16" },
    });
    expect((finding?.detail as { earlier: string[] }).earlier).toEqual(calls.map((w) => w.call_record_id).reverse());
  });
});

describe("contact frequency at volume", () => {
  it("keeps a number called hundreds of times at a fixed cost: exact flags, counts that say 'at least' past the cap", async () => {
    // 300 calls to one number at the same instant (a placeholder number does this), in three pushes, then one that
    // arrives late before all of them: every flag must equal a fresh count, and no push may read the whole number.
    const n = nextNumber();
    const cap = earlierCallsCap(complianceSettings());
    const calls = Array.from({ length: 300 }, () => call("2026-06-20 10:00:00", { called_phone_number: n }));
    for (let i = 0; i < calls.length; i += 100) await ingest(calls.slice(i, i + 100));
    const late = call("2026-06-20 09:00:00", { called_phone_number: n });
    await ingest([late]);
    await runFollowups();
    const wrong = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM call_records r
      CROSS JOIN LATERAL (SELECT count(*) AS earlier FROM call_records c
        WHERE c.called_phone_number = r.called_phone_number AND (c.start_time, c.id) < (r.start_time, r.id)) e
      WHERE r.called_phone_number = ${n} AND ((r.compliance_flags & 2) <> 0) <> (e.earlier >= 3)`;
    expect(wrong[0]?.n).toBe(0);
    const last = (await findings(calls.at(-1)!)).find((f) => f.code === "daily_limit");
    expect(last?.detail).toMatchObject({ calls: cap + 1, at_least: true });
    expect((last?.detail as { earlier: string[] }).earlier).toHaveLength(MAX_LINKED_CALLS);
    const fourth = (await findings(calls[2]!)).find((f) => f.code === "daily_limit");
    // The late call is now the first of the day: the third of the instant is the fourth call.
    expect(fourth?.detail).toMatchObject({ calls: 4, at_least: false });
  });
});

describe("anomalies", () => {
  it("finds each planted anomaly and nothing on the clean calls", async () => {
    // 30 s from start to end unless said otherwise; the defaults allow 60 s of ringing and 5 s of tolerance.
    const zero = call("2026-06-20 10:00:00", { chat_duration: 0, end_time: undefined });
    const longerThanCall = call("2026-06-20 10:00:00", { chat_duration: 36 }); // 6 s more than the call: > 5
    const withinTolerance = call("2026-06-20 10:00:00", { chat_duration: 35 });
    const rangTooLong = call("2026-06-20 10:00:00", { chat_duration: 54, end_time: "2026-06-20 10:02:00" }); // 66 > 65
    const rang = call("2026-06-20 10:00:00", { chat_duration: 55, end_time: "2026-06-20 10:02:00" }); // 65 s of ringing
    const noRecording = call("2026-06-20 10:00:00", { full_audio_url: undefined });
    const unanswered = call("2026-06-20 10:00:00", {
      result_status: "NO_ANSWER",
      chat_duration: 0,
      full_audio_url: undefined,
      end_time: undefined,
    });
    // A call that rang out: its start to end is all ringing, however long.
    const rangOut = call("2026-06-20 10:00:00", {
      result_status: "NO_ANSWER",
      chat_duration: 0,
      full_audio_url: undefined,
      end_time: "2026-06-20 10:01:30",
    });
    const planted = [zero, longerThanCall, withinTolerance, rangTooLong, rang, noRecording, unanswered, rangOut];
    await ingest(planted);
    expect(await Promise.all(planted.map(flags))).toEqual([4, 4, 0, 4, 0, 4, 0, 0]);
    expect(await findings(zero)).toEqual([{ kind: "anomaly", code: "zero_duration", detail: {} }]);
    const limits = { tolerance_seconds: 5, max_ring_seconds: 60 };
    expect(await findings(longerThanCall)).toEqual([
      { kind: "anomaly", code: "duration_mismatch", detail: { chat_duration: 36, elapsed_seconds: 30, ...limits } },
    ]);
    expect(await findings(rangTooLong)).toEqual([
      { kind: "anomaly", code: "duration_mismatch", detail: { chat_duration: 54, elapsed_seconds: 120, ...limits } },
    ]);
    expect(await findings(noRecording)).toEqual([{ kind: "anomaly", code: "missing_recording", detail: {} }]);

    // Ingest refuses an end before the start; a record stored otherwise is still found.
    const backwards = call("2026-06-20 10:00:00");
    await ingest([backwards]);
    await prisma.callRecord.update({
      where: { callRecordId: BigInt(backwards.call_record_id) },
      data: { endTime: new Date("2026-06-20T01:59:00Z") },
    });
    const target = Prisma.sql`SELECT id FROM call_records WHERE call_record_id = ${BigInt(backwards.call_record_id)}`;
    expect(await inTransaction((rows) => checkRecords(rows, target, complianceSettings()))).toBe(1);
    expect(await findings(backwards)).toEqual([{ kind: "anomaly", code: "end_before_start", detail: {} }]);
  });
});

describe("ownership of the bits and counts", () => {
  it("keeps another writer's phrase bit and findings on a re-push", async () => {
    const w = call("2026-06-21 07:00:00");
    await ingest([w]);
    const record = await prisma.callRecord.update({
      where: { callRecordId: BigInt(w.call_record_id) },
      data: { complianceFlags: { set: 1 | 8 } },
    });
    await prisma.complianceFinding.create({ data: { recordId: record.id, kind: "phrase", code: "required_missing" } });
    await ingest([{ ...w, start_time: "2026-06-21 10:00:00", end_time: "2026-06-21 10:00:30" }]);
    expect(await flags(w)).toBe(8);
    expect((await findings(w)).map((f) => f.kind)).toEqual(["phrase"]);
  });

  it("counts flagged calls from the rollups as a fresh count does", async () => {
    const jobs = [JOB_A, JOB_B, JOB_OVERRIDE];
    const byFlags = async (sql: Prisma.Sql) =>
      Object.fromEntries((await prisma.$queryRaw<{ f: number; n: bigint }[]>(sql)).map((r) => [r.f, Number(r.n)]));
    const kept = await byFlags(Prisma.sql`
      SELECT compliance_flags AS f, sum(records)::bigint AS n FROM ${rollupSource(false, true)} s
      WHERE robot_call_job_id IN (${Prisma.join(jobs)}) GROUP BY 1 HAVING sum(records) <> 0`);
    const fresh = await byFlags(Prisma.sql`
      SELECT compliance_flags AS f, count(*)::bigint AS n FROM call_records
      WHERE robot_call_job_id IN (${Prisma.join(jobs)}) GROUP BY 1`);
    expect(kept).toEqual(fresh);
    expect(Object.keys(fresh).length).toBeGreaterThan(2);
  });
});

describe("compliance= through the list's counts", () => {
  it("counts and facets the flagged calls from the rollups as the records do", async () => {
    const jobs = [JOB_A, JOB_B, JOB_OVERRIDE];
    const { filters } = parseCallFilters(
      new URLSearchParams([
        ...jobs.map((j) => ["job", j.toString()]),
        ["compliance", "frequency"],
        ["compliance", "hours"],
      ]),
    );
    const fresh = await prisma.callRecord.count({
      where: { robotCallJobId: { in: jobs }, complianceFlags: { not: 0 } },
    });
    const matching = await prisma.$queryRaw<{ n: bigint }[]>(Prisma.sql`
      SELECT count(*)::bigint AS n FROM call_records WHERE robot_call_job_id IN (${Prisma.join(jobs)})
      AND (compliance_flags & 3) <> 0`);
    expect(fresh).toBeGreaterThan(Number(matching[0]!.n));
    expect(await countMatching(filters, "Asia/Shanghai")).toEqual({ value: Number(matching[0]!.n), exact: true });
    const facets = await facetCounts({ ...filters, compliance: [] }, "Asia/Shanghai");
    const perKind = await prisma.$queryRaw<{ kind: string; n: bigint }[]>(Prisma.sql`
      SELECT b.kind, count(*)::bigint AS n FROM call_records
      CROSS JOIN (VALUES ('hours', 1), ('frequency', 2), ('anomaly', 4), ('phrase', 8)) AS b(kind, bit)
      WHERE robot_call_job_id IN (${Prisma.join(jobs)}) AND (compliance_flags & b.bit) <> 0 GROUP BY 1`);
    expect(Object.fromEntries(facets.compliance.map((c) => [c.value, c.count]))).toEqual(
      Object.fromEntries(perKind.map((r) => [r.kind, Number(r.n)])),
    );
  });
});
