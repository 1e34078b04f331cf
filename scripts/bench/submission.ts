import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { Prisma, prisma } from "../../lib/db/client";
import { childEnv } from "../../lib/env/process";
import { VIOLATES_LOCAL_RULES } from "../../lib/submissions/local-rules";
import { createBatch } from "../../lib/submissions/mutations";
import type { Selection } from "../../lib/submissions/selection";
import { toIvrCallRecordDto, type RecordForSubmission } from "../../lib/submissions/dto";
import { SubmissionWorker } from "../../lib/submissions/worker";
import { classifyAnswer } from "../../lib/top/classify";
import { createTopClient } from "../../lib/top/client";
import { topConfig } from "../../lib/env/top";
import type { TopConfig } from "../../lib/top/config";
import { DEMO_TOP_APP_KEY, DEMO_TOP_APP_SECRET } from "../lib/demo-top-app";
import { parseTopAnswer } from "../../lib/top/parse-response";
import { buildReceiveCallRecordRequest } from "../../lib/top/request";
import { serializeCallRecordDto } from "../../lib/top/serialize";
import { formatGmt8 } from "../../lib/top/timestamp";
import type { BenchContext } from "./context";
import { startPeer } from "./peer";
import { atLeast, atMost, rateStats, timeStats, type Figure } from "./stats";
import { waitUntilReady } from "./wait-ready";

const require = createRequire(import.meta.url);

/**
 * Submission to TOP: records/s through the queue and the worker (claim, send,
 * settle in the database) against the local emulator with faults off and the
 * rate limit lifted, at concurrency 8 and 64; the CPU the TOP client spends
 * per request (build, sign, parse, classify); and the same records sent by an
 * independent TOP client from npm (node-taobao-topclient) and by the
 * product's own client without the queue, at the same concurrency.
 */

interface Emulator {
  gatewayUrl: string;
  stop(): Promise<void>;
}

async function startEmulator(ctx: BenchContext): Promise<Emulator> {
  const port = ctx.ports.emulator;
  const proc: ChildProcess = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/top-emulator.ts")],
    {
      env: childEnv({
        TOP_EMULATOR_PORT: String(port),
        TOP_EMULATOR_APPS: `${DEMO_TOP_APP_KEY}:${DEMO_TOP_APP_SECRET}`,
        TOP_EMULATOR_FAULTS: "",
      }),
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  await waitUntilReady(proc, async () => (await fetch(`http://127.0.0.1:${port}/__emulator/received`)).ok, {
    timeoutMs: 30_000,
    pollMs: 100,
    exited: "the TOP emulator exited",
    timedOut: "the TOP emulator did not start",
  });
  return {
    gatewayUrl: `http://127.0.0.1:${port}/router/rest`,
    async stop() {
      proc.kill("SIGTERM");
      await exited;
    },
  };
}

const RECORD_COLUMNS = Prisma.sql`call_record_id, robot_call_job_id, called_phone_number, result_status, full_audio_url, chat_duration, start_time,
  end_time, name, properties, intent_level_detail_name, tenant_phone_number_id, phone_number, intent_level_code, intent_level_tag_id, rpc_context`;

async function loadRecords(ids: string[]): Promise<RecordForSubmission[]> {
  return prisma.$queryRaw<RecordForSubmission[]>(Prisma.sql`
    SELECT ${RECORD_COLUMNS} FROM call_records WHERE call_record_id IN (${Prisma.join(ids.map((i) => BigInt(i)))}) ORDER BY id`);
}

/** Runs `send` over `items` with `concurrency` in flight; items/s. */
async function pool<T>(items: T[], concurrency: number, send: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await send(items[next++]!);
    }),
  );
  return items.length / ((performance.now() - started) / 1000);
}

async function throughQueue(
  ctx: BenchContext,
  config: TopConfig,
  concurrency: number,
  runs: string[][],
  sourceBatch?: string,
): Promise<number[]> {
  const settled = new Map<bigint, number>();
  const errors: unknown[] = [];
  const client = createTopClient(config);
  const worker = new SubmissionWorker(
    client,
    { maxQps: 10_000, concurrency, maxAttempts: 6, leaseMs: 60_000, backoffBaseMs: 2_000, backoffMaxMs: 300_000 },
    {
      onSettled: (job) => settled.set(job.batchId, (settled.get(job.batchId) ?? 0) + 1),
      onError: (err) => errors.push(err),
    },
    20,
    500,
  );
  worker.start();
  await new Promise((r) => setTimeout(r, 1_200)); // its two heartbeats before the first send
  const rates: number[] = [];
  try {
    const selections: Selection[] = sourceBatch
      ? [{ type: "batch", batchId: sourceBatch }]
      : runs.map((ids) => ({ type: "ids", ids }));
    for (const selection of selections) {
      const started = performance.now();
      const batch = await createBatch({
        selection,
        kind: "submit",
        createdBy: "bench",
        resendAccepted: false,
        timeZone: ctx.timeZone,
      });
      if (batch.queued === 0) throw new Error("no eligible records for the submission run");
      while ((settled.get(batch.batchId) ?? 0) < batch.queued) {
        if (errors.length) throw errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]));
        if (performance.now() - started > 900_000) throw new Error("submission run did not finish in 15 minutes");
        await new Promise((r) => setTimeout(r, 5));
      }
      rates.push(batch.queued / ((performance.now() - started) / 1000));
      const [row] = await prisma.$queryRaw<{ accepted: number }[]>(Prisma.sql`
        SELECT count(*) FILTER (WHERE state = 'accepted')::int AS accepted FROM submission_jobs WHERE batch_id = ${batch.batchId}`);
      if (row?.accepted !== batch.queued)
        throw new Error(`only ${row?.accepted} of ${batch.queued} records were accepted`);
      ctx.log(
        `submission through the queue, concurrency ${concurrency}: ${Math.round(rates.at(-1)!)} records/s (${batch.queued} records)`,
      );
    }
  } finally {
    await worker.stop();
    client.close();
  }
  return rates;
}

interface IndependentTopClient {
  execute(method: string, params: Record<string, string>): Promise<{ lvms_result_d_t_o?: { success?: boolean } }>;
}

async function independentClient(
  config: TopConfig,
  records: RecordForSubmission[],
  concurrency: number,
): Promise<number> {
  const mod = require("node-taobao-topclient") as {
    default: new (o: { appkey: string; appsecret: string; REST_URL: string }) => IndependentTopClient;
  };
  const client = new mod.default({ appkey: config.appKey, appsecret: config.appSecret, REST_URL: config.gatewayUrl });
  let failures = 0;
  const rate = await pool(records, concurrency, async (r) => {
    // Its timestamp is the host's local time; TOP reads GMT+8, so pass it in (its own parameters override its defaults).
    const answer = await client.execute("alibaba.lvms.lvr.receivecallrecord", {
      timestamp: formatGmt8(new Date()),
      rpc_context: "{}",
      ivr_call_record_d_t_o: serializeCallRecordDto(toIvrCallRecordDto(r)),
    });
    if (answer?.lvms_result_d_t_o?.success !== true) failures++;
  });
  if (failures) throw new Error(`node-taobao-topclient: ${failures} records not accepted`);
  return rate;
}

async function ownClient(config: TopConfig, records: RecordForSubmission[], concurrency: number): Promise<number> {
  const client = createTopClient(config);
  let failures = 0;
  try {
    return await pool(records, concurrency, async (r) => {
      const call = await client.receiveCallRecord(toIvrCallRecordDto(r));
      if (call.kind !== "accepted") failures++;
    });
  } finally {
    client.close();
    if (failures) throw new Error(`lib/top client: ${failures} records not accepted`);
  }
}

/** CPU per request in the product's TOP client: build and sign the request, parse and classify the answer. */
async function clientOverhead(
  config: TopConfig,
  record: RecordForSubmission,
  ctx: BenchContext,
): Promise<{ p50: number; p95: number; samples: number }> {
  const client = createTopClient(config);
  const sample = await client.receiveCallRecord(toIvrCallRecordDto(record));
  client.close();
  const body = sample.rawAnswer ?? "";
  const dto = toIvrCallRecordDto(record);
  const block = 200;
  const per: number[] = [];
  for (let b = 0; b < (ctx.smoke ? 5 : 50); b++) {
    const t = performance.now();
    for (let i = 0; i < block; i++) {
      buildReceiveCallRecordRequest(config, dto, { rpcContext: {} });
      classifyAnswer(parseTopAnswer(body, "application/json;charset=UTF-8") as Parameters<typeof classifyAnswer>[0]);
    }
    per.push((performance.now() - t) / block);
  }
  return timeStats(per.slice(ctx.smoke ? 1 : 5));
}

/** A batch of `ids` for a selection of type "batch": a cancelled batch whose jobs name the records (ids selections stop at 10,000). */
async function recordSet(ids: string[]): Promise<string> {
  const [row] = await prisma.$queryRaw<{ id: bigint }[]>(Prisma.sql`
    WITH b AS (
      INSERT INTO submission_batches (kind, created_by, selection, time_zone, max_record_id, total, materialized, status, finished_at)
      VALUES ('submit', 'bench', '{"type":"job","jobId":"0"}'::jsonb, 'UTC', 0, ${ids.length}, true, 'cancelled', now()) RETURNING id
    ), j AS (
      INSERT INTO submission_jobs (batch_id, record_id, previous_state, state)
      SELECT b.id, r.id, r.submission_state, 'cancelled' FROM b, call_records r
      WHERE r.call_record_id = ANY(${ids}::text[]::bigint[])
    )
    SELECT id FROM b`);
  return row!.id.toString();
}

export async function measureSubmission(ctx: BenchContext, databaseUrl: string): Promise<Figure[]> {
  const emulator = await startEmulator(ctx);
  const config = topConfig({
    TOP_GATEWAY_URL: emulator.gatewayUrl,
    TOP_APP_KEY: DEMO_TOP_APP_KEY,
    TOP_APP_SECRET: DEMO_TOP_APP_SECRET,
  });
  // Smoke runs (10,000 generated records, about 700 of them unsubmitted) stay within what they have.
  const perRun = ctx.smoke ? 50 : 2_000;
  const runs = ctx.smoke ? 2 : 3;
  const concurrencies = [8, 64];
  // The console's queue on one large batch against its 2,000-record batches: the cost per record must not grow with the backlog.
  // 100,000 records from 2.5M generated ones up (about 7% of the generated records are unsubmitted).
  const large = ctx.smoke ? 150 : Math.min(100_000, Math.floor(ctx.records / 25));
  const figures: Figure[] = [];
  const peer = await startPeer(databaseUrl, config, RECORD_COLUMNS);
  try {
    // Unsubmitted records (the newest ones), enough for every run; each run (console or peer) sends records of its own.
    const needed = perRun * runs * concurrencies.length * 2 + large;
    const rows = await prisma.$queryRaw<{ call_record_id: bigint }[]>(Prisma.sql`
      SELECT call_record_id FROM call_records r WHERE submission_state = 'not_submitted' AND start_time IS NOT NULL AND NOT ${VIOLATES_LOCAL_RULES}
      ORDER BY start_time DESC, id DESC LIMIT ${needed}`);
    const ids = rows.map((r) => r.call_record_id.toString());
    if (ids.length < needed)
      throw new Error(
        `not enough unsubmitted records for the submission runs (${ids.length} of ${needed}; raise BENCH_RECORDS)`,
      );
    const sample = await loadRecords(ids.slice(0, perRun));

    const overhead = await clientOverhead(config, sample[0]!, ctx);
    figures.push(
      atMost(
        { family: "submission", name: "TOP client CPU per request (build, sign, parse, classify)", unit: "ms" },
        overhead,
        { target: 1 },
      ),
    );

    let at64 = 0;
    for (const [k, concurrency] of concurrencies.entries()) {
      const mine = ids.slice(k * perRun * runs * 2, (k + 1) * perRun * runs * 2);
      const chunk = (r: number) => mine.slice(r * perRun, (r + 1) * perRun);
      const queueRates: number[] = [];
      const peerRates: number[] = [];
      const independent: number[] = [];
      const own: number[] = [];
      // Interleaved, so that a drift of the machine or of the database (autovacuum, statistics) falls on both queues alike.
      for (let r = 0; r < runs; r++) {
        queueRates.push(...(await throughQueue(ctx, config, concurrency, [chunk(2 * r)])));
        const peerIds = (
          await prisma.$queryRaw<{ id: bigint }[]>(Prisma.sql`
          SELECT id FROM call_records WHERE call_record_id = ANY(${chunk(2 * r + 1)}::text[]::bigint[])`)
        ).map((x) => x.id);
        peerRates.push(await peer.run(peerIds, concurrency));
        ctx.log(
          `pg-boss peer, concurrency ${concurrency}: ${Math.round(peerRates.at(-1)!)} records/s (${peerIds.length} records)`,
        );
        independent.push(await independentClient(config, sample, concurrency));
        own.push(await ownClient(config, sample, concurrency));
      }
      const queue = rateStats(queueRates);
      const boss = rateStats(peerRates);
      const indep = rateStats(independent);
      if (concurrency === 64) at64 = queue.p50;
      ctx.log(
        `concurrency ${concurrency}: node-taobao-topclient ${Math.round(indep.p50)} records/s, lib/top alone ${Math.round(rateStats(own).p50)} records/s`,
      );
      figures.push(
        atLeast(
          {
            family: "submission",
            name: `queue + worker → emulator, concurrency ${concurrency}, no rate limit`,
            unit: "records/s",
          },
          queue,
          {
            target: concurrency === 64 ? 1_000 : undefined,
            ceilingValue: indep.p50,
            share: concurrency === 64 ? 1 : undefined,
            words: "ceiling = node-taobao-topclient, no database",
          },
        ),
        atLeast(
          {
            family: "submission",
            name: `queue + worker vs pg-boss peer, concurrency ${concurrency}`,
            unit: "records/s",
          },
          queue,
          {
            ceilingValue: boss.p50,
            share: 1.2,
            words: "reference = pg-boss 10, same records, emulator, ledger row and record update",
          },
        ),
        atLeast(
          {
            family: "submission",
            name: `pg-boss peer (npm) → emulator, concurrency ${concurrency}`,
            unit: "records/s",
          },
          boss,
          { words: "durable-queue peer" },
        ),
        atLeast(
          {
            family: "submission",
            name: `lib/top client alone (no queue), concurrency ${concurrency}`,
            unit: "records/s",
          },
          rateStats(own),
          { words: "no target" },
        ),
        atLeast(
          { family: "submission", name: `node-taobao-topclient (npm), concurrency ${concurrency}`, unit: "records/s" },
          indep,
          { words: "independent client" },
        ),
      );
    }

    const bigIds = ids.slice(perRun * runs * concurrencies.length * 2);
    const bigRate = await throughQueue(ctx, config, 64, [], await recordSet(bigIds));
    figures.push(
      atLeast(
        {
          family: "submission",
          name: `queue + worker, one ${bigIds.length.toLocaleString("en")}-record batch, concurrency 64`,
          unit: "records/s",
        },
        rateStats(bigRate),
        {
          ceilingValue: at64,
          share: 0.9,
          words: `reference = the same queue on ${perRun.toLocaleString("en")}-record batches`,
        },
      ),
    );
  } finally {
    await peer.stop();
    await emulator.stop();
  }
  return figures;
}
