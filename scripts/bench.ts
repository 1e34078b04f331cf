/**
 * `npm run bench`: measures the console on large data, each figure next to
 * the ceiling or target it is compared with (see README, Performance).
 *
 *   BENCH_RECORDS        records to generate (default 1,000,000; 10,000 with --smoke)
 *   BENCH_DATABASE_URL   database to use (default: an embedded PostgreSQL under bench/tmp/db); its tables are emptied
 *   BENCH_REUSE=true     keep the generated rows of the previous run when the count matches
 *   BENCH_RESULTS        where to write the results (default bench/results.json)
 *   --smoke              10,000 records, few repetitions, no web server and no browser (part of npm test)
 *   --no-http / --no-pages   skip the measurements through the web server / in Chromium
 *   --only=export,submission measure only these families (calls-list, aggregates, export, ingest, submission, pages)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { exportEnv, processEnv } from "../lib/env/process";
import { benchContext, type BenchContext } from "./bench/context";
import { generatedCount, openBenchDatabase, resetBenchTables } from "./bench/database";
import { BENCH_RECORD_ID_BASE, generateBenchData } from "./bench/generate";
import { formatMarkdown, formatTable, type Figure } from "./bench/stats";

async function family(
  ctx: BenchContext,
  name: string,
  figures: Figure[],
  run: () => Promise<Figure[]>,
): Promise<boolean> {
  if (ctx.only.size > 0 && !ctx.only.has(name)) return true;
  const started = Date.now();
  ctx.log(`— ${name} —`);
  try {
    figures.push(...(await run()));
    ctx.log(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return true;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(err);
    figures.push({
      family: name,
      name: "could not be measured",
      unit: "ms",
      better: "lower",
      samples: 0,
      p50: NaN,
      p95: NaN,
      ceiling: "–",
      verdict: "MISSED",
      reason: `failed: ${message}`,
    });
    return false;
  }
}

async function main(): Promise<number> {
  const ctx = benchContext(process.argv.slice(2), processEnv());
  const runStarted = Date.now();
  // Other work on the machine shows in every figure: its load is part of the results.
  const loadAtStart = os.loadavg()[0]!;
  mkdirSync(ctx.dir, { recursive: true });
  const db = await openBenchDatabase(ctx);
  exportEnv({ DATABASE_URL: db.url, DISPLAY_TIME_ZONE: ctx.timeZone, LOG_LEVEL: processEnv().LOG_LEVEL ?? "warn" });

  // Loaded after DATABASE_URL is set: the lib modules read it once.
  const { BENCH_INGEST_TOKEN, ensureBuild, startBenchServer } = await import("./bench/server");
  exportEnv({ INGEST_TOKEN: BENCH_INGEST_TOKEN });
  const { disconnectPrisma } = await import("../lib/db/client");
  const { formatGmt8 } = await import("../dev/demo/wire-time");
  const { addDays } = await import("../lib/time/zoned");
  const { filterCases, measureCalls } = await import("./bench/calls");
  const { measureAggregates } = await import("./bench/aggregates");
  const { measureExport } = await import("./bench/export");
  const { measureIngest } = await import("./bench/ingest");
  const { measureSubmission } = await import("./bench/submission");
  const { measurePages } = await import("./bench/pages");

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const figures: Figure[] = [];
  let ok = true;
  let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
  let compactor: { stop(): Promise<void> } | undefined;
  try {
    const counted = await generatedCount(client, BENCH_RECORD_ID_BASE);
    let generated;
    const genStarted = Date.now();
    const metaFile = path.join(ctx.dir, "generated.json");
    const meta = existsSync(metaFile)
      ? (JSON.parse(readFileSync(metaFile, "utf8")) as { records: number; now: string; url: string })
      : undefined;
    if (ctx.reuse && counted.generated === ctx.records && meta?.records === ctx.records && meta.url === db.url) {
      ctx.log(`reusing the ${ctx.records.toLocaleString("en")} generated records already in the database`);
      // CASCADE: the batches' approval requests reference them (call_records references none of these).
      await client.query(
        "TRUNCATE submission_attempts, submission_jobs, submission_batches, submission_workers CASCADE",
      );
      await client.query("DELETE FROM call_records WHERE call_record_id < $1", [BENCH_RECORD_ID_BASE.toString()]);
      await client.query(
        "UPDATE call_records SET submission_state = 'not_submitted' WHERE submission_state IN ('queued', 'in_flight', 'retrying')",
      );
      await client.query("VACUUM ANALYZE call_records");
      generated = await generateBenchData(client, {
        records: ctx.records,
        now: new Date(meta.now),
        log: ctx.log,
        dryRun: true,
      });
    } else {
      await resetBenchTables(client);
      generated = await generateBenchData(client, {
        records: ctx.records,
        chunk: ctx.records >= 5_000_000 ? 500_000 : 250_000,
        log: ctx.log,
      });
      writeFileSync(
        metaFile,
        JSON.stringify({ records: ctx.records, now: generated.now.toISOString(), url: db.url }) + "\n",
      );
    }
    // As in the product, where the worker folds the rollup deltas that writes append every 2 s.
    const { compactRollups, ensureRollupTimeZone, startRollupCompactor } = await import("../lib/call-records/rollups");
    await ensureRollupTimeZone(ctx.timeZone);
    const folded = await compactRollups();
    const generation = (Date.now() - genStarted) / 1000;
    ctx.log(
      `rollups compacted (${folded.toLocaleString("en")} deltas folded); data ready in ${generation.toFixed(0)} s`,
    );
    compactor = startRollupCompactor({
      onError: (err) => ctx.log(`rollup compaction: ${(err as Error).message.split("\n")[0]}`),
    });
    const firstDay = formatGmt8(generated.firstDayMs).slice(0, 10);
    const cases = filterCases(generated.jobs[0]!, addDays(firstDay, 20), addDays(firstDay, 22));

    let cookie: string | undefined;
    let token: string | undefined;
    {
      // An operator: it may list, open and export (masked) calls, and no role setting makes it owe a second
      // factor; a session still owing a sign-in step would measure the enrolment redirect instead of the pages.
      const { sessionFor } = await import("../lib/auth/test-session");
      const { sessionForToken } = await import("../lib/auth/sessions");
      token = (await sessionFor("operator", `bench${Date.now().toString(36)}`)).token;
      const state = await sessionForToken(token);
      if (!state || state.step !== null) throw new Error(`the benchmark's session is not signed in (${state?.step})`);
      cookie = `lvr_session=${token}`;
    }
    const wanted = (name: string) => ctx.only.size === 0 || ctx.only.has(name);
    if (ctx.http && ["calls list", "export", "ingest", "pages"].some(wanted)) {
      ensureBuild(ctx);
      server = await startBenchServer(ctx, { DATABASE_URL: db.url });
      ctx.log(`web app at ${server.url}`);
    }

    ok =
      (await family(ctx, "calls list", figures, () =>
        measureCalls({ ctx, client, serverUrl: server?.url, cookie, cases }),
      )) && ok;
    ok =
      (await family(ctx, "aggregates", figures, () => measureAggregates({ ctx, cases, jobIds: generated.jobs }))) && ok;
    ok =
      (await family(ctx, "export", figures, () =>
        measureExport({ ctx, serverUrl: server?.url, serverPid: server?.pid, cookie, firstDay, days: 30, addDays }),
      )) && ok;
    ok =
      (await family(ctx, "ingest", figures, () =>
        measureIngest({ ctx, client, databaseUrl: db.url, serverUrl: server?.url, now: generated.now }),
      )) && ok;
    ok = (await family(ctx, "submission", figures, () => measureSubmission(ctx, db.url))) && ok;
    if (ctx.pages && server) {
      const url = server.url;
      ok =
        (await family(ctx, "pages", figures, () =>
          measurePages({ ctx, serverUrl: url, cookie: cookie!, token: token! }),
        )) && ok;
    }

    const cpus = os.cpus();
    const results = {
      date: new Date().toISOString(),
      records: ctx.records,
      smoke: ctx.smoke,
      machine: {
        cpu: cpus[0]?.model ?? "unknown",
        cores: cpus.length,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        postgres: `${db.version}${db.embedded ? " (embedded)" : ""}, shared_buffers ${db.sharedBuffers}`,
        loadAverage1m: { start: Math.round(loadAtStart * 10) / 10, end: Math.round(os.loadavg()[0]! * 10) / 10 },
      },
      generationSeconds: Math.round(generation),
      durationSeconds: Math.round((Date.now() - runStarted) / 1000),
      copyThrough: "psql \\copy",
      figures,
    };
    mkdirSync(path.dirname(ctx.resultsPath), { recursive: true });
    writeFileSync(ctx.resultsPath, JSON.stringify(results, null, 2) + "\n");
    if (!ctx.smoke) writeFileSync(path.join(ctx.dir, "results.md"), formatMarkdown(figures) + "\n");

    console.log(
      `\nLVR Console benchmark: ${ctx.records.toLocaleString("en")} records on ${results.machine.cores} × ${results.machine.cpu}, PostgreSQL ${results.machine.postgres}, load average ${results.machine.loadAverage1m.start} → ${results.machine.loadAverage1m.end}`,
    );
    console.log(formatTable(figures));
    const missed = figures.filter((f) => f.verdict === "MISSED").length;
    console.log(
      `\n${missed} of ${figures.filter((f) => f.verdict !== "info").length} targets missed; results in ${path.relative(process.cwd(), ctx.resultsPath)} (${results.durationSeconds} s)`,
    );
  } finally {
    await compactor?.stop();
    await server?.stop();
    await client.end();
    await disconnectPrisma();
    await db.stop();
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
