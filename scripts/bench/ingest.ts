import { spawn, spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { generateDemoRecords, type DemoRecordWire } from "../../dev/demo/generate";
import { handleIngestRequest } from "../../lib/call-records/ingest/ingest-request";
import { queuedFollowups, runFollowups } from "../../lib/compliance/followups";
import { childEnv } from "../../lib/env/process";
import { IVR_CALL_RECORD_FIELDS } from "../../lib/top/dto";
import type { BenchContext } from "./context";
import { BENCH_SEED } from "./generate";
import { BENCH_INGEST_TOKEN } from "./server";
import { atLeast, rateStats, type Figure } from "./stats";

/**
 * Ingest: records/s through POST /api/v1/call-records (1,000-record JSON
 * batches, 4 concurrent clients) and through `npm run import`, both into the
 * full table; ceiling: COPY of the very rows the API stored, into the same
 * table, through psql.
 */

const BATCH = 1_000;
const CLIENTS = 4;
// Every column an ingest writes, in one order for the COPY out and back in.
const COLUMNS = [
  "id",
  ...IVR_CALL_RECORD_FIELDS,
  "properties_json",
  "rpc_context",
  "source",
  "received_at",
  "updated_at",
  "content_hash",
  "submission_state",
  "submission_attempts",
  "last_submitted_at",
  "last_result_code",
  "last_result_message",
  "review_state",
  "reviewed_at",
].join(", ");

export interface IngestOptions {
  ctx: BenchContext;
  client: pg.Client;
  databaseUrl: string;
  /** The web app's URL; without it the route handler is called in-process (smoke runs). */
  serverUrl?: string;
  now: Date;
}

function recordsOf(seed: number, count: number, now: Date): DemoRecordWire[] {
  return [...generateDemoRecords({ seed, now, records: count, jobs: 200, audioBaseUrl: "http://127.0.0.1:3510" })];
}

/**
 * A kept-alive connection the server closes just as the next request is
 * written fails with EPIPE/ECONNRESET before the server read anything. Senders
 * retry those (a push is idempotent: same records, same outcome), so does the
 * benchmark, once.
 */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const code = ((err as { cause?: { code?: string } }).cause ?? {}).code;
    if (code !== "EPIPE" && code !== "ECONNRESET") throw err;
    return fetch(url, init);
  }
}

async function post(opts: IngestOptions, body: string): Promise<void> {
  const init = {
    method: "POST",
    headers: { Authorization: `Bearer ${BENCH_INGEST_TOKEN}`, "Content-Type": "application/json" },
    body,
  };
  const res = opts.serverUrl
    ? await send(`${opts.serverUrl}/api/v1/call-records`, init)
    : await handleIngestRequest(new Request("http://bench/api/v1/call-records", init));
  const answer = (await res.json()) as { summary?: { created: number; rejected: number } };
  if (res.status !== 200 || !answer.summary || answer.summary.rejected > 0)
    throw new Error(`ingest answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
}

/** Sends `records` in 1,000-record batches from CLIENTS concurrent clients; records/s. */
async function ingestViaApi(opts: IngestOptions, records: DemoRecordWire[]): Promise<number> {
  const bodies: string[] = [];
  for (let i = 0; i < records.length; i += BATCH) bodies.push(JSON.stringify(records.slice(i, i + BATCH)));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < bodies.length) await post(opts, bodies[next++]!);
    }),
  );
  return records.length / ((performance.now() - started) / 1000);
}

/**
 * The worker's share of an ingest: the rechecks of the later calls that the
 * API's batches queued, run here as the worker runs them (no worker runs
 * during the benchmark); the batch's records per second of it.
 */
async function followupsRate(records: number): Promise<number> {
  const started = performance.now();
  await runFollowups();
  return records / ((performance.now() - started) / 1000);
}

export function psqlAvailable(): boolean {
  return spawnSync("psql", ["--version"], { stdio: "ignore" }).status === 0;
}

function psql(url: string, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", command], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    p.stderr.on("data", (c: Buffer) => (err += c.toString()));
    p.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql failed: ${err.trim()}`))));
  });
}

/** The rows just stored for `ids` (one generator run: nothing else lies in their id range): exported, deleted, then COPYed back in (timed); records/s. */
async function copyCeiling(opts: IngestOptions, ids: string[], file: string): Promise<number> {
  const sorted = ids.map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const range = `call_record_id BETWEEN ${sorted[0]} AND ${sorted.at(-1)}`;
  await psql(
    opts.databaseUrl,
    `\\copy (SELECT ${COLUMNS} FROM call_records WHERE ${range} ORDER BY id) TO '${file}' WITH (FORMAT csv)`,
  );
  const { rowCount } = await opts.client.query(`DELETE FROM call_records WHERE ${range}`);
  if (rowCount !== ids.length)
    throw new Error(`expected ${ids.length} rows in the ingest run's id range, found ${rowCount}`);
  const started = performance.now();
  await psql(opts.databaseUrl, `\\copy call_records (${COLUMNS}) FROM '${file}' WITH (FORMAT csv)`);
  return ids.length / ((performance.now() - started) / 1000);
}

async function writeNdjson(file: string, records: DemoRecordWire[]): Promise<void> {
  const out = createWriteStream(file);
  for (const r of records)
    if (!out.write(JSON.stringify(r) + "\n")) await new Promise<void>((res) => out.once("drain", () => res()));
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

/** `npm run import -- <file>` as a user runs it; the records/s it reports. */
function runImport(opts: IngestOptions, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/import.ts"), file],
      {
        env: childEnv({ DATABASE_URL: opts.databaseUrl, LOG_LEVEL: "warn" }),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    p.stdout.on("data", (c: Buffer) => (out += c.toString()));
    p.stderr.on("data", (c: Buffer) => (out += c.toString()));
    p.once("exit", (code) => {
      const m = /\(([\d,]+) records\/s\)/.exec(out);
      if (code !== 0 || !m) reject(new Error(`npm run import failed (exit ${code}): ${out.slice(-500)}`));
      else resolve(Number(m[1]!.replaceAll(",", "")));
    });
  });
}

export async function measureIngest(opts: IngestOptions): Promise<Figure[]> {
  const { ctx } = opts;
  const dir = path.join(ctx.dir, "ingest");
  await mkdir(dir, { recursive: true });
  const rounds = ctx.smoke ? 2 : 5;
  const perRound = ctx.smoke
    ? 1_000
    : Math.min(40_000, Math.max(10_000, Math.round(ctx.records / 100 / 1_000) * 1_000));
  const withCopy = psqlAvailable();
  if (!withCopy) ctx.log("psql not found: the COPY ceiling is not measured");

  const api: number[] = [];
  const followups: number[] = [];
  const copy: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const records = recordsOf(BENCH_SEED + 10 + r, perRound, opts.now);
    api.push(await ingestViaApi(opts, records));
    const queued = await queuedFollowups();
    followups.push(await followupsRate(records.length));
    if (withCopy)
      copy.push(
        await copyCeiling(
          opts,
          records.map((x) => x.call_record_id),
          path.join(dir, `copy-${r}.csv`),
        ),
      );
    ctx.log(
      `ingest round ${r + 1}/${rounds}: API ${Math.round(api.at(-1)!)} records/s, followups of ${queued} records ${Math.round(followups.at(-1)!)} records/s${withCopy ? `, COPY ${Math.round(copy.at(-1)!)} records/s` : ""}`,
    );
  }

  const imports: number[] = [];
  const importRuns = ctx.smoke ? 1 : 3;
  for (let r = 0; r < importRuns; r++) {
    const file = path.join(dir, `import-${r}.ndjson`);
    await writeNdjson(file, recordsOf(BENCH_SEED + 20 + r, perRound, opts.now));
    imports.push(await runImport(opts, file));
    await rm(file, { force: true });
    ctx.log(`import run ${r + 1}/${importRuns}: ${imports.at(-1)} records/s`);
  }

  const copyStats = withCopy ? rateStats(copy) : undefined;
  const ceiling = copyStats?.p50;
  const via = opts.serverUrl ? "HTTP" : "in-process handler";
  return [
    atLeast(
      {
        family: "ingest",
        name: `API, ${BATCH}-record batches × ${CLIENTS} clients (${via}, ${perRound.toLocaleString("en")}/run)`,
        unit: "records/s",
      },
      rateStats(api),
      {
        target: 5_000,
        ceilingValue: ceiling,
        share: ceiling === undefined ? undefined : 0.3,
      },
    ),
    atLeast(
      {
        family: "ingest",
        name: "the worker's followups of the API's batches (later calls' frequency rechecks), per ingested record",
        unit: "records/s",
      },
      rateStats(followups),
      { words: "no target: the bench's records land anywhere in 30 past days, pushes as calls end have none" },
    ),
    atLeast({ family: "ingest", name: "npm run import (NDJSON)", unit: "records/s" }, rateStats(imports), {
      ceilingValue: ceiling,
      words: "no target",
    }),
    ...(copyStats
      ? [
          atLeast({ family: "ingest", name: "ceiling: COPY of the same rows via psql", unit: "records/s" }, copyStats, {
            words: "the database's own limit",
          }),
        ]
      : []),
  ];
}
