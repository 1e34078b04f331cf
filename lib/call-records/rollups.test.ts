import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ensureDatabase } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { disconnectPrisma, Prisma, prisma } from "../db/client";
import { countMatching } from "./query/count";
import { facetCounts } from "./query/facets";
import { parseCallFilters } from "./query/filters";
import { ingestCallRecords } from "./ingest/mutations";
import { rollupDrift } from "../../dev/testing/rollup-drift";
import { compactRollups, ensureRollupTimeZone, rollupTimeZone } from "./rollups";

afterAll(() => disconnectPrisma());

// Tests share one database: each gets its own job ids.
const newJob = () => BigInt(`0x${randomBytes(6).toString("hex")}`) + 1n;
const newId = () => BigInt(`0x${randomBytes(7).toString("hex")}`) + 1n;

function wire(id: bigint, job: bigint, extra: Record<string, unknown> = {}) {
  return {
    call_record_id: id.toString(),
    robot_call_job_id: job.toString(),
    result_status: "ANSWERED",
    chat_duration: 40,
    start_time: "2026-03-01 23:30:00",
    intent_level_tag_id: 7,
    intent_level_code: 1,
    full_audio_url: "https://example.com/a.mp3",
    ...extra,
  };
}

describe("rollups", () => {
  it("stay equal to a fresh count through inserts, re-pushes that move records, state changes, deletes and compaction", async () => {
    const job = newJob();
    const ids = Array.from({ length: 40 }, newId);
    await ingestCallRecords(
      ids.map((id, i) =>
        wire(
          id,
          job,
          i % 3 === 0
            ? { result_status: "NO_ANSWER", chat_duration: 0, intent_level_tag_id: null, full_audio_url: null }
            : {},
        ),
      ),
      { source: "api" },
    );
    expect(await rollupDrift()).toEqual({ daily: [], total: [] });

    // Re-push: other status, other day (across midnight in Shanghai), other intent, no duration.
    await ingestCallRecords(
      ids.slice(0, 10).map((id) =>
        wire(id, job, {
          result_status: "BUSY",
          start_time: "2026-03-02 00:30:00",
          intent_level_code: 2,
          chat_duration: null,
        }),
      ),
      { source: "api" },
    );
    // Unchanged re-push and a state change that moves no group must add no deltas.
    const before = await prisma.callRecordRollupDelta.count({ where: { robotCallJobId: job } });
    const boundsBefore = await prisma.callRecordJobBoundsDelta.count({ where: { robotCallJobId: job } });
    expect(boundsBefore).toBeGreaterThan(0); // the re-push moved start times
    await ingestCallRecords(
      ids.slice(0, 10).map((id) =>
        wire(id, job, {
          result_status: "BUSY",
          start_time: "2026-03-02 00:30:00",
          intent_level_code: 2,
          chat_duration: null,
        }),
      ),
      { source: "api" },
    );
    await prisma.callRecord.updateMany({
      where: { callRecordId: { in: ids.slice(10, 20) } },
      data: { lastResultMessage: "noted" },
    });
    expect(await prisma.callRecordRollupDelta.count({ where: { robotCallJobId: job } })).toBe(before);
    // Nor any change to the job's first/last call (neither does a state change below).
    expect(await prisma.callRecordJobBoundsDelta.count({ where: { robotCallJobId: job } })).toBe(boundsBefore);

    await compactRollups();
    const boundsAfterFold = await prisma.callRecordJobBoundsDelta.count({ where: { robotCallJobId: job } });
    await prisma.callRecord.updateMany({
      where: { callRecordId: { in: ids.slice(10, 20) } },
      data: { submissionState: "accepted", reviewState: "flagged" },
    });
    expect(await prisma.callRecordJobBoundsDelta.count({ where: { robotCallJobId: job } })).toBe(boundsAfterFold);
    await prisma.callRecord.updateMany({
      where: { callRecordId: { in: ids.slice(20, 25) } },
      data: { startTime: null, fullAudioUrl: null },
    });
    expect(await rollupDrift()).toEqual({ daily: [], total: [] });
    await prisma.callRecord.deleteMany({ where: { callRecordId: { in: ids.slice(30) } } });
    expect(await rollupDrift()).toEqual({ daily: [], total: [] });
    await compactRollups();
    expect(await rollupDrift()).toEqual({ daily: [], total: [] });
    // Groups that reached zero are gone after compaction.
    await prisma.callRecord.deleteMany({ where: { robotCallJobId: job } });
    await compactRollups();
    expect(await prisma.callRecordRollup.count({ where: { robotCallJobId: job } })).toBe(0);
    expect(await prisma.callRecordDailyRollup.count({ where: { robotCallJobId: job } })).toBe(0);
    expect(await prisma.callRecordJobTotal.count({ where: { robotCallJobId: job } })).toBe(0);
  });

  it("hold under concurrent writers moving records of the same job (no lost update, no deadlock)", async () => {
    const job = newJob();
    const ids = Array.from({ length: 200 }, newId);
    await ingestCallRecords(
      ids.map((id) => wire(id, job)),
      { source: "api" },
    );
    const states = ["queued", "in_flight", "accepted", "rejected"] as const;
    await Promise.all(
      ids.map((id, i) =>
        (async () => {
          for (const s of states.slice(0, 1 + (i % states.length))) {
            await prisma.$executeRaw`UPDATE call_records SET submission_state = ${s}::submission_state WHERE call_record_id = ${id}`;
          }
          if (i % 50 === 0) await compactRollups();
        })(),
      ),
    );
    await compactRollups();
    expect(await rollupDrift()).toEqual({ daily: [], total: [] });
    const { filters } = parseCallFilters({ job: job.toString() });
    const facets = await facetCounts(filters, "Asia/Shanghai");
    expect(facets.submission).toEqual([
      { value: "accepted", count: 50 },
      { value: "in_flight", count: 50 },
      { value: "queued", count: 50 },
      { value: "rejected", count: 50 },
    ]);
  });

  it("answer the same as the records for every rollup filter, by day in the display time zone", async () => {
    const job = newJob();
    const ids = Array.from({ length: 30 }, newId);
    await ingestCallRecords(
      ids.map((id, i) =>
        wire(id, job, {
          result_status: ["ANSWERED", "BUSY", "NO_ANSWER"][i % 3],
          start_time: `2026-04-0${1 + (i % 4)} 23:${String(10 + i).padStart(2, "0")}:00`, // late evening: the next day in UTC
          intent_level_code: i % 2,
          full_audio_url: i % 5 ? "https://example.com/a.mp3" : null,
        }),
      ),
      { source: "api" },
    );
    await prisma.callRecord.updateMany({
      where: { callRecordId: { in: ids.slice(0, 12) } },
      data: { reviewState: "passed" },
    });
    const zone = await rollupTimeZone();
    const cases = [
      `job=${job}`,
      `job=${job}&status=BUSY&status=ANSWERED`,
      `job=${job}&intent=7:1`,
      `job=${job}&review=passed&audio=true`,
      `job=${job}&from=2026-04-02&to=2026-04-03`,
      `job=${job}&from=2026-04-03`,
      `job=${job}&to=2026-04-01&submission=not_submitted`,
    ];
    for (const query of cases) {
      const { filters } = parseCallFilters(new URLSearchParams(query));
      // The same filter plus a no-op talk-time bound takes the records path.
      const live = { ...filters, minDuration: 0 };
      const [rolled, counted] = [await countMatching(filters, zone), await countMatching(live, zone)];
      const fresh = await prisma.$queryRaw<{ n: number }[]>(
        Prisma.sql`SELECT count(*)::int AS n FROM call_records WHERE robot_call_job_id = ${job}`,
      );
      expect(fresh[0]!.n).toBe(30);
      // minDuration=0 also drops records without a duration; these all have one.
      expect(rolled, query).toEqual(counted);
      const [a, b] = [await facetCounts(filters, zone), await facetCounts(live, zone)];
      expect(a, query).toEqual(b);
    }
  });

  it("answer filters without a job from the levels over all jobs", async () => {
    const job = newJob();
    await ingestCallRecords([wire(newId(), job, { result_status: "ODD_STATUS_FOR_GLOBAL_TEST" })], { source: "api" });
    const zone = await rollupTimeZone();
    for (const query of [
      "status=ODD_STATUS_FOR_GLOBAL_TEST",
      "status=ODD_STATUS_FOR_GLOBAL_TEST&from=2026-03-01&to=2026-03-02",
    ]) {
      const { filters } = parseCallFilters(new URLSearchParams(query));
      expect(await countMatching(filters, zone), query).toEqual({ value: 1, exact: true });
      const facets = await facetCounts(filters, zone);
      expect(facets.intent, query).toEqual([{ tagId: "7", code: 1, name: null, count: 1 }]);
    }
  });

  it("keeps the time zone it counts days in, and recounts only when it changes", async () => {
    expect(await ensureRollupTimeZone(await rollupTimeZone())).toEqual({ recounted: false });
  });

  it("recount days in a new time zone (fresh database)", async () => {
    const admin = inject("adminDatabaseUrl");
    const name = `lvr_rollup_${randomBytes(4).toString("hex")}`;
    await ensureDatabase(admin, name);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    await migrate(url.toString(), { log: () => {} });
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`INSERT INTO call_records (call_record_id, robot_call_job_id, start_time, source, content_hash)
                          VALUES (1, 9, '2026-05-01T20:00:00Z', 'seed', repeat('0', 64))`);
      const day = async () =>
        (await client.query<{ day: string }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM call_record_rollup_deltas`))
          .rows;
      expect(await day()).toEqual([{ day: "2026-05-02" }]); // Asia/Shanghai
      await client.query(`UPDATE call_record_rollup_settings SET time_zone = 'America/New_York'`);
      await client.query(`SELECT call_record_rollups_rebuild()`);
      const rows = (
        await client.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, records::int FROM call_record_daily_rollups`)
      ).rows;
      expect(rows).toEqual([{ day: "2026-05-01", records: 1 }]);
      expect((await client.query(`SELECT count(*)::int AS n FROM call_record_rollup_deltas`)).rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
      const drop = new pg.Client({ connectionString: admin });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    }
  });
});
