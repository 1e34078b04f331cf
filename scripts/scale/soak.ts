/**
 * `npm run test:scale`: the deployment on real parts under load, ~10 minutes on 2 cores (not part of `npm test`).
 *
 * Debian's PostgreSQL 15 behind PgBouncer (transaction pooling); `npm run migrate` twice at once through
 * PgBouncer; 2 web instances (`npm run web`) and 3 workers (`npm run worker`); the TOP emulator with
 * mixed faults and a hard QPS cap. Ingests --records through both web instances while a --batch-record
 * batch is sent at --qps; SIGKILLs a worker and restarts a web instance (SIGTERM, drain) in the middle.
 * Then checks: every record final (accepted, or rejected/failed with a reason); none accepted twice by
 * the emulator without an unanswered attempt in the ledger; the QPS cap never hit (no code-7 answer);
 * every 2xx ingest present; rollup and batch counts equal fresh counts. Prints figures; exits 1 on loss.
 *
 *   --records 200000  --batch 100000  --faults 0.2  --qps 400  --port 4860 (uses 4860-4869)
 */
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { childEnv, exportEnv } from "../../lib/env/process";
import { buildIsCurrent, recordBuild } from "../lib/build-fingerprint";
import { startDebianPostgres } from "../lib/debian-postgres";
import { ingestAll, percentile, run, stop, waitHttp, type Proc } from "./cluster";
import { scrape, scrapeProblems, WEB_SERIES, WORKER_SERIES } from "./metrics";

const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECORDS = flag("records", 200_000);
const BATCH = Math.min(flag("batch", 100_000), RECORDS);
const FAULTS = flag("faults", 0.2);
const QPS = flag("qps", 400);
const BASE = flag("port", 4860);
const say = (l: string) => console.log(`[scale] ${l}`);
const problems: string[] = [];
const check = (ok: boolean, what: string) => (ok ? say(`ok    ${what}`) : (problems.push(what), say(`FAIL  ${what}`)));

async function main() {
  const started = Date.now();
  const db = await startDebianPostgres({
    port: BASE,
    bouncerPort: BASE + 1,
    poolSize: 60,
    log: (l) => /FATAL|PANIC|ERROR/.test(l) && say(l),
  });
  const procs: Proc[] = [];
  try {
    const token = `lvr_${randomBytes(24).toString("base64url")}`;
    const metricsToken = randomBytes(24).toString("base64url");
    const common: NodeJS.ProcessEnv = childEnv({
      DATABASE_URL: db.pooledUrl,
      INGEST_TOKEN: token,
      METRICS_TOKEN: metricsToken,
      LOG_LEVEL: "warn",
      DISPLAY_TIME_ZONE: "Asia/Shanghai",
      DATABASE_POOL_SIZE: "10",
    });
    delete common.DIRECT_DATABASE_URL;

    const migrations = [run("migrate-1", "scripts/migrate.ts", common), run("migrate-2", "scripts/migrate.ts", common)];
    const codes = await Promise.all(migrations.map((m) => m.exited));
    check(
      codes.every((c) => c === 0),
      `two \`npm run migrate\` at once through PgBouncer both succeed (${codes.join(", ")})`,
    );
    if (codes.some((c) => c !== 0)) throw new Error(migrations.map((m) => m.output()).join("\n"));

    if (!buildIsCurrent()) {
      say("building the web app (sources changed since the last build)…");
      if (
        spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
          stdio: "inherit",
          env: childEnv({ NEXT_TELEMETRY_DISABLED: "1" }),
        }).status !== 0
      )
        throw new Error("next build failed");
      recordBuild();
    }

    const emulatorPort = BASE + 2;
    const share = FAULTS / 7;
    const faults = {
      seed: 7,
      timeout: share,
      http502: share,
      http503: share,
      garbage: share,
      truncated: share,
      ispTimeout: share,
      businessReject: share,
      qpsCap: { qps: QPS, banSeconds: 2 },
    };
    const emulator = run("emulator", "scripts/top-emulator.ts", {
      ...common,
      TOP_EMULATOR_PORT: String(emulatorPort),
      TOP_EMULATOR_APPS: "soak:soak-secret",
      TOP_EMULATOR_FAULTS: JSON.stringify(faults),
    });
    procs.push(emulator);
    await waitHttp(`http://127.0.0.1:${emulatorPort}/__emulator/received`, emulator);

    const webPorts = [BASE + 3, BASE + 4];
    const web = (i: number) =>
      run(`web-${i}`, "scripts/web.ts", {
        ...common,
        PORT: String(webPorts[i]),
        HOST: "127.0.0.1",
        PUBLIC_URL: `http://127.0.0.1:${webPorts[i]}`,
        SHUTDOWN_GRACE_MS: "20000",
      });
    const webs = [web(0), web(1)];
    procs.push(...webs);
    await Promise.all(webs.map((w, i) => waitHttp(`http://127.0.0.1:${webPorts[i]}/api/ready`, w)));
    let webUp = [true, true];
    const urls = () => webPorts.filter((_, i) => webUp[i]).map((p) => `http://127.0.0.1:${p}`);

    const topEnv = {
      ...common,
      TOP_GATEWAY_URL: `http://127.0.0.1:${emulatorPort}/router/rest`,
      TOP_APP_KEY: "soak",
      TOP_APP_SECRET: "soak-secret",
      TOP_MAX_QPS: String(QPS),
      TOP_CONCURRENCY: "32",
      TOP_TIMEOUT_MS: "1500",
      SUBMISSION_LEASE_MS: "15000",
      SUBMISSION_BACKOFF_BASE_MS: "200",
      SUBMISSION_BACKOFF_MAX_MS: "3000",
      TOP_MAX_ATTEMPTS: "8",
      AUDIO_ARCHIVE_CONCURRENCY: "0",
      SHUTDOWN_GRACE_MS: "5000",
    };
    const worker = (i: number) =>
      run(`worker-${i}`, "scripts/worker.ts", { ...topEnv, WORKER_METRICS_PORT: String(BASE + 5 + i) });
    const workers = [worker(0), worker(1), worker(2)];
    procs.push(...workers);

    // Phase 1: the records of the batch. Phase 2: the rest, while the batch is sent.
    const latencies: number[] = [];
    const stats = { requests: 0, retried: 0 };
    const jobA = 9_200_000_000_000_000n;
    const jobB = 9_200_000_000_000_001n;
    const ingest = (jobId: bigint, firstId: bigint, count: number) =>
      ingestAll({ urls, token, jobId, firstId, count, perRequest: 1000, concurrency: 4, latencies, stats });
    const ingestStarted = Date.now();
    await ingest(jobA, 8_200_000_000_000_000_000n, BATCH);

    exportEnv({ DATABASE_URL: db.pooledUrl });
    const { createBatch } = await import("../../lib/submissions/mutations");
    const { batchId, queued } = await createBatch({
      selection: { type: "job", jobId: jobA.toString() },
      kind: "submit",
      createdBy: "soak",
      resendAccepted: false,
      timeZone: "Asia/Shanghai",
      requestId: "soak-test-batch",
    });
    check(queued === BATCH, `batch of ${BATCH} queued (${queued})`);
    const batchStarted = Date.now();
    const rest = ingest(jobB, 8_300_000_000_000_000_000n, RECORDS - BATCH);

    const sql = new pg.Client({ connectionString: db.directUrl });
    await sql.connect();
    const one = async <T>(q: string): Promise<T> => (await sql.query(q)).rows[0] as T;
    const attempts = async () =>
      (await one<{ n: number }>(`SELECT count(*)::int AS n FROM submission_attempts WHERE batch_id = ${batchId}`)).n;
    while ((await attempts()) < BATCH / 4) await new Promise((r) => setTimeout(r, 500));
    say(`a quarter through: SIGKILL ${workers[0]!.name}, restart web-0 (SIGTERM, drain)`);
    workers[0]!.child.kill("SIGKILL");
    webUp = [false, true];
    const drained = await stop(webs[0]!, "SIGTERM");
    check(drained === 0, `web-0 drained and stopped cleanly on SIGTERM (exit ${drained})`);
    webs[0] = web(0);
    procs.push(webs[0]);
    await waitHttp(`http://127.0.0.1:${webPorts[0]}/api/ready`, webs[0]);
    webUp = [true, true];

    await rest;
    const ingestSeconds = (Date.now() - ingestStarted) / 1000;
    const deadline = Date.now() + 15 * 60_000;
    let status = "";
    while (Date.now() < deadline) {
      status = (
        await one<{ status: string }>(`SELECT status::text AS status FROM submission_batches WHERE id = ${batchId}`)
      ).status;
      if (status === "done") break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const batchSeconds = (Date.now() - batchStarted) / 1000;
    check(status === "done", `the batch finished (${status})`);

    // Prometheus's view: each role's /metrics with the token (and a 401 without it, not a sign-in page).
    const webMetrics = `http://127.0.0.1:${webPorts[1]}/metrics`;
    const workerMetrics = `http://127.0.0.1:${BASE + 6}/metrics`;
    const [webScrape, workerScrape, anonymous] = await Promise.all([
      scrape(webMetrics, metricsToken),
      scrape(workerMetrics, metricsToken),
      scrape(webMetrics),
    ]);
    const metricProblems = [...scrapeProblems(webScrape, WEB_SERIES), ...scrapeProblems(workerScrape, WORKER_SERIES)];
    check(
      metricProblems.length === 0,
      `/metrics of a web instance and a worker carry the listed series (${metricProblems.join("; ") || `${webScrape.series.size} + ${workerScrape.series.size} series`})`,
    );
    check(anonymous.status === 401, `/metrics without the token answers 401 (${anonymous.status})`);

    // Stop the survivors as production would (SIGTERM): none may leave a job leased.
    const workerCodes = await Promise.all(workers.slice(1).map((w) => stop(w, "SIGTERM")));
    check(
      workerCodes.every((c) => c === 0),
      `workers stopped cleanly on SIGTERM (${workerCodes.join(", ")})`,
    );
    const leased = await one<{ n: number }>(`SELECT count(*)::int AS n FROM submission_jobs WHERE state = 'in_flight'`);
    check(leased.n === 0, `no job left leased (${leased.n})`);

    const stored = await one<{ a: number; b: number }>(
      `SELECT count(*) FILTER (WHERE robot_call_job_id = ${jobA})::int AS a, count(*) FILTER (WHERE robot_call_job_id = ${jobB})::int AS b FROM call_records`,
    );
    check(
      stored.a === BATCH && stored.b === RECORDS - BATCH,
      `every 2xx ingest stored (${stored.a + stored.b} of ${RECORDS})`,
    );
    const states = await sql.query<{ state: string; n: number; unexplained: number }>(`
      SELECT state::text, count(*)::int AS n, count(*) FILTER (WHERE state IN ('rejected', 'failed') AND last_code IS NULL)::int AS unexplained
      FROM submission_jobs WHERE batch_id = ${batchId} GROUP BY 1 ORDER BY 1`);
    const byState = Object.fromEntries(states.rows.map((r) => [r.state, r.n]));
    check(
      states.rows.every((r) => ["accepted", "rejected", "failed"].includes(r.state)) &&
        states.rows.every((r) => r.unexplained === 0),
      `every record final, with a reason when not accepted ${JSON.stringify(byState)}`,
    );

    const received = (await (await fetch(`http://127.0.0.1:${emulatorPort}/__emulator/received`)).json()) as {
      apps: Record<string, { entries: { call_record_id: string; count: number }[] }>;
    };
    const entries = received.apps.soak?.entries ?? [];
    // A send is justified again when the ledger shows an unanswered attempt, or an attempt with no ledger row
    // at all (the job counted more attempts than it has rows: its worker was SIGKILLed with the call on the wire).
    const justified = async (ids: string[]) =>
      ids.length
        ? (
            await one<{
              n: number;
            }>(`SELECT count(*)::int AS n FROM call_records r JOIN submission_jobs j ON j.record_id = r.id AND j.batch_id = ${batchId}
            WHERE r.call_record_id IN (${ids.join(",")})
              AND (EXISTS (SELECT 1 FROM submission_attempts a WHERE a.job_id = j.id AND a.transport_error IS NOT NULL)
                   OR j.attempts > (SELECT count(*) FROM submission_attempts a WHERE a.job_id = j.id))`)
          ).n
        : 0;
    const acceptedIds = new Set(
      (
        await sql.query<{ id: string }>(
          `SELECT r.call_record_id::text AS id FROM call_records r JOIN submission_jobs j ON j.record_id = r.id WHERE j.batch_id = ${batchId} AND j.state = 'accepted'`,
        )
      ).rows.map((r) => r.id),
    );
    const held = new Set(entries.map((e) => e.call_record_id));
    const missing = [...acceptedIds].filter((id) => !held.has(id)).length;
    // The platform may hold a record the ledger calls rejected: accepted once unanswered, then refused on the retry.
    const extra = entries.map((e) => e.call_record_id).filter((id) => !acceptedIds.has(id));
    const extraJustified = await justified(extra);
    check(
      missing === 0 && extraJustified === extra.length,
      `the emulator holds every accepted record (${acceptedIds.size - missing} of ${acceptedIds.size}; ${extra.length} more, each after an unanswered attempt: ${extraJustified})`,
    );
    const twice = entries.filter((e) => e.count > 1).map((e) => e.call_record_id);
    const explained = await justified(twice);
    check(
      explained === twice.length,
      `records accepted twice: ${twice.length}, each after an unanswered or crashed attempt (${explained})`,
    );
    const capped = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM submission_attempts WHERE batch_id = ${batchId} AND error_code = 7`,
    );
    const peak = await one<{ n: number }>(
      `SELECT COALESCE(max(n), 0)::int AS n FROM (SELECT count(*) AS n FROM submission_attempts WHERE batch_id = ${batchId} GROUP BY date_trunc('second', sent_at)) s`,
    );
    check(
      capped.n === 0,
      `the emulator's QPS cap (${QPS}/s) never hit across 3 workers (peak ${peak.n}/s sent, ${capped.n} bans)`,
    );

    await sql.query("SELECT call_record_rollups_compact()");
    const fresh = await one<{ rollup: Record<string, number>; counted: Record<string, number> }>(`
      SELECT (SELECT jsonb_object_agg(s, n) FROM (SELECT submission_state::text AS s, sum(records)::int AS n FROM call_record_global_rollups GROUP BY 1 HAVING sum(records) <> 0) x) AS rollup,
             (SELECT jsonb_object_agg(s, n) FROM (SELECT submission_state::text AS s, count(*)::int AS n FROM call_records GROUP BY 1) y) AS counted`);
    const sameCounts =
      JSON.stringify(Object.entries(fresh.rollup ?? {}).sort()) ===
      JSON.stringify(Object.entries(fresh.counted ?? {}).sort());
    check(
      sameCounts,
      `rollup counts by submission state equal a fresh count (${JSON.stringify(fresh.rollup)} / ${JSON.stringify(fresh.counted)})`,
    );
    const final = await one<{ ok: boolean }>(
      `SELECT final_counts = (SELECT jsonb_object_agg(state, n) FROM (SELECT state::text, count(*) AS n FROM submission_jobs WHERE batch_id = ${batchId} GROUP BY 1) s) AS ok FROM submission_batches WHERE id = ${batchId}`,
    );
    check(final.ok, "the batch's final counts equal a fresh count");

    const lat = await one<{ p95: number; calls: number; errors: number }>(`
      SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p95, count(*)::int AS calls, count(*) FILTER (WHERE outcome <> 'accepted')::int AS errors
      FROM submission_attempts WHERE batch_id = ${batchId}`);
    await sql.end();
    say("");
    say(
      `records ingested   ${RECORDS} in ${ingestSeconds.toFixed(0)} s (${(RECORDS / ingestSeconds).toFixed(0)}/s), ${stats.requests} requests, ${stats.retried} retried, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
    );
    say(
      `batch sent         ${BATCH} in ${batchSeconds.toFixed(0)} s: ${lat.calls} TOP calls (${(lat.calls / batchSeconds).toFixed(0)}/s of ≤ ${QPS}), ${lat.errors} not accepted, p95 ${lat.p95.toFixed(0)} ms, peak ${peak.n}/s`,
    );
    say(`final states       ${JSON.stringify(byState)}`);
    say(`wall time          ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    for (const p of procs.reverse()) await stop(p, "SIGTERM", 10_000).catch(() => {});
    const { disconnectPrisma } = await import("../../lib/db/client");
    await disconnectPrisma().catch(() => {});
    await db.stop();
  }
  if (problems.length) {
    say(`${problems.length} check(s) failed`);
    process.exit(1);
  }
  say("all checks passed");
  process.exit(0);
}

main().catch((err) => {
  console.error(`[scale] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
