import type pg from "pg";
import { DEMO_AUDIO_CLIPS } from "../../dev/demo/audio-manifest";
import { demoDebtor } from "../../dev/demo/debtors";
import { DEMO_INTENT_GROUPS, DEMO_INTENT_GROUP_KEYS } from "../../dev/demo/intents";
import { DEMO_WINDOW_DAYS, generateDemoJobs } from "../../dev/demo/jobs";
import { DEMO_STATUS_PROFILES } from "../../dev/demo/result-status";
import { DAY_MS, gmt8DayNumber, gmt8DayStart } from "../../dev/demo/wire-time";

/**
 * Fills call_records with `records` rows in SQL (generate_series), with the
 * demo's distributions: its job templates (2,000 jobs with their weights and
 * intent groups), result status shares, intent levels and talk times per
 * group, recordings on 70% of answered calls, debtors (names, numbers, case
 * properties) from the demo's generators. Start times spread over the demo's
 * 30-day window, 09:00–21:00 GMT+8, increasing with the row id like a live
 * feed. Unlike the fresh demo, the console has been in use: records older than
 * two days were mostly submitted (90% accepted, 2% rejected, 1% failed) and 6%
 * reviewed. Rows are inserted in chunks so that each statement (and each
 * statement-level trigger call) stays bounded, then ANALYZEd.
 */

export const BENCH_JOBS = 2_000;
export const BENCH_SEED = 20261125;
/** Generated call_record_ids start here: above every id the demo generator makes (below 1.1e16), which the ingest runs use. */
export const BENCH_RECORD_ID_BASE = 2_000_000_000_000_000_000n;
const DEBTORS_PER_JOB = 10;
const JOB_SLOTS = 10_000;

export interface GeneratedData {
  records: number;
  jobs: string[];
  /** The window's end (the generated "now"). */
  now: Date;
  firstDayMs: number;
}

export async function generateBenchData(
  client: pg.Client,
  opts: {
    records: number;
    chunk?: number;
    now?: Date;
    log: (line: string) => void;
    /** Only compute the jobs and window (rows already there). */ dryRun?: boolean;
  },
): Promise<GeneratedData> {
  const now = opts.now ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const jobs = generateDemoJobs({ seed: BENCH_SEED, now, jobs: BENCH_JOBS });
  const firstDay = gmt8DayNumber(now.getTime() - DEMO_WINDOW_DAYS * DAY_MS);
  const firstDayMs = gmt8DayStart(firstDay);
  if (opts.dryRun) return { records: opts.records, jobs: jobs.map((j) => j.id), now, firstDayMs };
  const groupIndex = new Map(DEMO_INTENT_GROUP_KEYS.map((k, i) => [k, i]));

  await client.query(`
    DROP TABLE IF EXISTS bench_jobs, bench_job_slots, bench_intents, bench_debtors;
    CREATE TEMP TABLE bench_jobs (job_idx int PRIMARY KEY, job_id bigint, grp int, tag_id bigint, line1_id bigint, line1 text, line2_id bigint, line2 text);
    CREATE TEMP TABLE bench_job_slots (slot int PRIMARY KEY, job_idx int);
    CREATE TEMP TABLE bench_intents (grp int, slot int, code int, name text, median float8, PRIMARY KEY (grp, slot));
    CREATE TEMP TABLE bench_debtors (idx int PRIMARY KEY, name text, phone text, properties text);`);

  const jobRows = jobs.map((j, i) => {
    const [l1, l2] = [j.lines[0]!, j.lines[1] ?? j.lines[0]!];
    return [
      i,
      j.id,
      groupIndex.get(j.group)!,
      j.tagId,
      l1.tenantPhoneNumberId,
      l1.phoneNumber,
      l2.tenantPhoneNumberId,
      l2.phoneNumber,
    ];
  });
  await insertRows(client, "bench_jobs", 8, jobRows);

  const totalWeight = jobs.reduce((s, j) => s + j.weight, 0);
  const slots: number[][] = [];
  let acc = 0;
  jobs.forEach((j, i) => {
    const until = Math.round(((acc += j.weight) / totalWeight) * JOB_SLOTS);
    while (slots.length < until) slots.push([slots.length, i]);
  });
  await insertRows(client, "bench_job_slots", 2, slots);

  const intents: unknown[][] = [];
  DEMO_INTENT_GROUP_KEYS.forEach((key, g) => {
    const levels = DEMO_INTENT_GROUPS[key].levels;
    const sum = levels.reduce((s, l) => s + l.weight, 0);
    let at = 0;
    let slot = 0;
    for (const l of levels) {
      const until = Math.round(((at += l.weight) / sum) * 100);
      while (slot < until) intents.push([g, slot++, l.code, l.name, l.talkMedianSeconds]);
    }
  });
  await insertRows(client, "bench_intents", 5, intents);

  const debtors: unknown[][] = [];
  for (let k = 0; k < DEBTORS_PER_JOB; k++) {
    jobs.forEach((job, i) => {
      const d = demoDebtor(BENCH_SEED, i, job, k);
      debtors.push([k * jobs.length + i, d.name, d.phone, d.properties]);
    });
  }
  await insertRows(client, "bench_debtors", 4, debtors);
  await client.query("ANALYZE bench_jobs; ANALYZE bench_job_slots; ANALYZE bench_intents; ANALYZE bench_debtors");

  const statusSlots: string[] = [];
  for (const p of DEMO_STATUS_PROFILES) for (let k = 0; k < Math.round(p.share * 10); k++) statusSlots.push(p.status);
  const clips = DEMO_AUDIO_CLIPS.map((c) => `http://127.0.0.1:3510/demo-audio/${c.file}`);
  const windowDays = DEMO_WINDOW_DAYS;
  const submittedBefore = (windowDays - 2) / windowDays;

  // Into an empty table, the secondary indexes are built once at the end
  // (as pg_restore does) rather than row by row: several times faster,
  // especially the trigram GIN indexes. The same definitions are restored.
  const empty =
    (await client.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM call_records) AS empty")).rows[0]
      ?.empty === true;
  const { rows: indexes } = empty
    ? await client.query<{ indexname: string; indexdef: string }>(`
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = 'public' AND i.tablename = 'call_records' AND NOT x.indisprimary AND NOT x.indisunique`)
    : { rows: [] };
  for (const ix of indexes) await client.query(`DROP INDEX ${client.escapeIdentifier(ix.indexname)}`);

  const chunk = opts.chunk ?? 250_000;
  const started = Date.now();
  for (let from = 1; from <= opts.records; from += chunk) {
    const to = Math.min(opts.records, from + chunk - 1);
    await client.query("SELECT setseed($1)", [((from / chunk) % 1000) / 1000]);
    await client.query(
      `
      WITH g AS (
        SELECT i, (i - 0.5) / $3::float8 AS frac,
               random() AS r_job, random() AS r_status, random() AS r_intent, random() AS r_nc, random() AS r_audio,
               random() AS u1, random() AS u2, random() AS r_deb, random() AS r_sub, random() AS r_rev, random() AS r_ring,
               random() AS r_line, random() AS r_clip
        FROM generate_series($1::int, $2::int) AS i
      ), p AS (
        SELECT g.*, j.*, ($6::text[])[1 + floor(g.r_status * array_length($6::text[], 1))::int] AS status,
               floor(g.frac * $5)::int AS day
        FROM g
        JOIN bench_job_slots s ON s.slot = floor(g.r_job * ${JOB_SLOTS})::int
        JOIN bench_jobs j ON j.job_idx = s.job_idx
      ), q AS (
        SELECT p.*, i.code, i.name AS intent_name, i.median,
               to_timestamp(($4::float8 + (p.day * 86400 + 9 * 3600 + (p.frac * $5 - p.day) * 12 * 3600) * 1000) / 1000) AS start_at,
               CASE WHEN p.status = 'ANSWERED'
                    THEN least(360, greatest(15, round(exp(ln(i.median) + 0.7 * sqrt(-2 * ln(1 - p.u1)) * cos(2 * pi() * p.u2)))))::int
                    ELSE 0 END AS talk,
               d.name AS debtor_name, d.phone, d.properties
        FROM p
        JOIN bench_intents i ON i.grp = p.grp AND i.slot = floor(p.r_intent * 100)::int
        JOIN bench_debtors d ON d.idx = p.job_idx + ${jobs.length} * floor(p.r_deb * ${DEBTORS_PER_JOB})::int
      )
      INSERT INTO call_records (call_record_id, robot_call_job_id, called_phone_number, result_status, full_audio_url, chat_duration,
        start_time, end_time, name, properties, properties_json, intent_level_detail_name, tenant_phone_number_id, phone_number,
        intent_level_code, intent_level_tag_id, source, received_at, updated_at, content_hash, submission_state, submission_attempts,
        last_submitted_at, last_result_code, last_result_message, review_state, reviewed_at)
      SELECT ${BENCH_RECORD_ID_BASE}::bigint + i, job_id, phone, status,
             CASE WHEN status = 'ANSWERED' AND r_audio < 0.7 THEN ($7::text[])[1 + floor(r_clip * array_length($7::text[], 1))::int] END,
             talk, start_at, start_at + make_interval(secs => talk + 3 + floor(r_ring * 40)), debtor_name, properties, properties::jsonb,
             CASE WHEN status = 'ANSWERED' THEN intent_name WHEN r_nc < 0.3 THEN '未接通' END,
             CASE WHEN r_line < 0.5 THEN line1_id ELSE line2_id END, CASE WHEN r_line < 0.5 THEN line1 ELSE line2 END,
             CASE WHEN status = 'ANSWERED' THEN code WHEN r_nc < 0.3 THEN 0 END,
             CASE WHEN status = 'ANSWERED' OR r_nc < 0.3 THEN tag_id END,
             'import', start_at + interval '2 minutes', start_at + interval '2 minutes', md5(i::text) || md5((i + 1)::text),
             (CASE WHEN frac >= $8 THEN 'not_submitted' WHEN r_sub < 0.90 THEN 'accepted' WHEN r_sub < 0.92 THEN 'rejected'
                   WHEN r_sub < 0.93 THEN 'failed' ELSE 'not_submitted' END)::submission_state,
             CASE WHEN frac < $8 AND r_sub < 0.93 THEN 1 ELSE 0 END,
             CASE WHEN frac < $8 AND r_sub < 0.93 THEN start_at + interval '1 day' END,
             CASE WHEN frac < $8 AND r_sub >= 0.90 AND r_sub < 0.92 THEN '40' END,
             CASE WHEN frac < $8 AND r_sub >= 0.90 AND r_sub < 0.92 THEN '通话记录字段不合法' END,
             (CASE WHEN r_rev < 0.05 THEN 'passed' WHEN r_rev < 0.06 THEN 'flagged' ELSE 'unreviewed' END)::review_state,
             CASE WHEN r_rev < 0.06 THEN start_at + interval '1 day' END
      FROM q ORDER BY i`,
      [from, to, opts.records, firstDayMs, windowDays, statusSlots, clips, submittedBefore],
    );
    const rate = Math.round(to / ((Date.now() - started) / 1000));
    opts.log(
      `generated ${to.toLocaleString("en")} / ${opts.records.toLocaleString("en")} records (${rate.toLocaleString("en")} rows/s)`,
    );
  }
  if (indexes.length) {
    const t = Date.now();
    await client.query("SET maintenance_work_mem = '256MB'");
    for (const ix of indexes) await client.query(ix.indexdef);
    await client.query("RESET maintenance_work_mem");
    opts.log(`built ${indexes.length} secondary indexes in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  await client.query("ANALYZE call_records");
  return { records: opts.records, jobs: jobs.map((j) => j.id), now, firstDayMs };
}

async function insertRows(client: pg.Client, table: string, width: number, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) {
    const part = rows.slice(i, i + 1_000);
    const placeholders = part
      .map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`)
      .join(", ");
    await client.query(`INSERT INTO ${table} VALUES ${placeholders}`, part.flat());
  }
}
