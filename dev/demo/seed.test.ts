import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ensureDatabase } from "../../lib/db/embedded-postgres";
import { disconnectPrisma, prisma } from "../../lib/db/client";
import { PrismaClient } from "../../lib/db/generated/client";
import { migrate } from "../../lib/db/migrate";
import { ensureComplianceSettings } from "../../lib/compliance/recheck";
import { generateDemoRecords } from "./generate";
import { callRecordsEmpty, seedDemo } from "./seed";

// The run's database is shared with other test files: this file uses a seed of
// its own and counts only the rows whose ids that seed generates.
const SEED = 424_242;
const NOW = new Date("2026-11-24T02:00:00Z");
const BASE = "http://127.0.0.1:3000";

afterAll(() => disconnectPrisma());

async function storedCount(ids: string[]): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM call_records WHERE call_record_id = ANY(${ids}::text[]::bigint[])`;
  return rows[0]?.n ?? -1;
}

describe("seedDemo", () => {
  const expected = [...generateDemoRecords({ seed: SEED, now: NOW, records: 500, audioBaseUrl: BASE })];
  const ids = expected.map((r) => r.call_record_id);

  it("stores the generated records through the ingest path, and again without duplicating them", async () => {
    const lines: string[] = [];
    const first = await seedDemo({ seed: SEED, now: NOW, records: 500, audioBaseUrl: BASE, log: (l) => lines.push(l) });
    expect(first).toEqual({ seeded: 500, skipped: false });
    expect(await storedCount(ids)).toBe(500);
    expect(lines.at(-1)).toMatch(/500 call records \(500 created, 0 updated, 0 unchanged\) in/);
    // The calls were checked with the stored settings: the worker's first start rechecks nothing.
    expect(await ensureComplianceSettings()).toEqual({ queued: false });

    const sample = expected.find((r) => r.full_audio_url && BigInt(r.robot_call_job_id) > 2n ** 53n);
    expect(sample).toBeDefined();
    const [row] = await prisma.$queryRaw<
      { job: string; source: string; start: string; audio: string; props: { case_no: string } }[]
    >`
      SELECT robot_call_job_id::text AS job, source::text AS source, to_char(start_time AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS start,
             full_audio_url AS audio, properties_json AS props
      FROM call_records WHERE call_record_id = ${sample?.call_record_id}::bigint`;
    expect(row).toEqual({
      job: sample?.robot_call_job_id, // int64 above 2^53, exact
      source: "seed",
      start: sample?.start_time, // GMT+8 wall time round-trips
      audio: sample?.full_audio_url,
      props: expect.objectContaining({ case_no: JSON.parse(sample?.properties ?? "{}").case_no }),
    });

    // Same seed and window: the same ids, so nothing new.
    const againLines: string[] = [];
    const again = await seedDemo({
      seed: SEED,
      now: NOW,
      records: 500,
      audioBaseUrl: BASE,
      log: (l) => againLines.push(l),
    });
    expect(again).toEqual({ seeded: 500, skipped: false });
    expect(againLines.at(-1)).toMatch(/\(0 created, 0 updated, 500 unchanged\)/);
    expect(await storedCount(ids)).toBe(500);
  });

  it("with onlyIfEmpty, skips when call_records has rows", async () => {
    // The previous test stored rows, so the table is not empty whatever else ran.
    expect(await callRecordsEmpty()).toBe(false);
    const lines: string[] = [];
    const result = await seedDemo({
      seed: SEED + 1,
      now: NOW,
      records: 50,
      audioBaseUrl: BASE,
      onlyIfEmpty: true,
      log: (l) => lines.push(l),
    });
    expect(result).toEqual({ seeded: 0, skipped: true });
    expect(lines.join("\n")).toMatch(/not empty/);
    const other = [...generateDemoRecords({ seed: SEED + 1, now: NOW, records: 50, audioBaseUrl: BASE })].map(
      (r) => r.call_record_id,
    );
    expect(await storedCount(other)).toBe(0);
  });

  it("callRecordsEmpty sees an empty table as empty (scratch database)", async () => {
    const admin = inject("adminDatabaseUrl");
    const name = `lvr_demo_empty_${Math.random().toString(36).slice(2, 8)}`;
    await ensureDatabase(admin, name);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    await migrate(u.toString(), { log: () => {} });
    const scratch = new PrismaClient({ adapter: new PrismaPg({ connectionString: u.toString(), max: 1 }) });
    try {
      expect(await callRecordsEmpty(scratch)).toBe(true);
      // Inside a transaction too, which is how a caller can check and seed atomically.
      expect(await scratch.$transaction((tx) => callRecordsEmpty(tx))).toBe(true);
    } finally {
      await scratch.$disconnect();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`).finally(() => c.end());
    }
  });
});
