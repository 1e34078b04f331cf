import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { Prisma, prisma } from "../../lib/db/client";
import { createBatch } from "../../lib/submissions/mutations";
import { toIvrCallRecordDto, type RecordForSubmission } from "../../lib/submissions/dto";
import { SubmissionWorker } from "../../lib/submissions/worker";
import { classifyAnswer } from "../../lib/top/classify";
import { createTopClient } from "../../lib/top/client";
import { DEMO_TOP_APP_KEY, DEMO_TOP_APP_SECRET, parseTopConfig, type TopConfig } from "../../lib/top/config";
import { parseTopAnswer } from "../../lib/top/parse-response";
import { buildReceiveCallRecordRequest } from "../../lib/top/request";
import { serializeCallRecordDto } from "../../lib/top/serialize";
import { formatGmt8 } from "../../lib/top/timestamp";
import type { BenchContext } from "./context";
import { atLeast, atMost, rateStats, timeStats, type Figure } from "./stats";

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
  const proc: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/top-emulator.ts")], {
    env: { ...process.env, TOP_EMULATOR_PORT: String(port), TOP_EMULATOR_APPS: `${DEMO_TOP_APP_KEY}:${DEMO_TOP_APP_SECRET}`, TOP_EMULATOR_FAULTS: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error("the TOP emulator exited");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__emulator/received`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error("the TOP emulator did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
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
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await send(items[next++]!);
  }));
  return items.length / ((performance.now() - started) / 1000);
}

async function throughQueue(ctx: BenchContext, config: TopConfig, concurrency: number, runs: string[][]): Promise<number[]> {
  const settled = new Map<bigint, number>();
  const errors: unknown[] = [];
  const client = createTopClient(config);
  const worker = new SubmissionWorker(
    client,
    { maxQps: 10_000, concurrency, maxAttempts: 6, leaseMs: 60_000, backoffBaseMs: 2_000, backoffMaxMs: 300_000 },
    { onSettled: (job) => settled.set(job.batchId, (settled.get(job.batchId) ?? 0) + 1), onError: (err) => errors.push(err) },
    20,
    500,
  );
  worker.start();
  await new Promise((r) => setTimeout(r, 1_200)); // its two heartbeats before the first send
  const rates: number[] = [];
  try {
    for (const ids of runs) {
      const started = performance.now();
      const batch = await createBatch({ selection: { type: "ids", ids }, kind: "submit", createdBy: "bench", resendAccepted: false, timeZone: ctx.timeZone });
      if (batch.queued === 0) throw new Error("no eligible records for the submission run");
      while ((settled.get(batch.batchId) ?? 0) < batch.queued) {
        if (errors.length) throw errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]));
        if (performance.now() - started > 300_000) throw new Error("submission run did not finish in 5 minutes");
        await new Promise((r) => setTimeout(r, 5));
      }
      rates.push(batch.queued / ((performance.now() - started) / 1000));
      const [row] = await prisma.$queryRaw<{ accepted: number }[]>(Prisma.sql`
        SELECT count(*) FILTER (WHERE state = 'accepted')::int AS accepted FROM submission_jobs WHERE batch_id = ${batch.batchId}`);
      if (row?.accepted !== batch.queued) throw new Error(`only ${row?.accepted} of ${batch.queued} records were accepted`);
      ctx.log(`submission through the queue, concurrency ${concurrency}: ${Math.round(rates.at(-1)!)} records/s (${batch.queued} records)`);
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

async function independentClient(config: TopConfig, records: RecordForSubmission[], concurrency: number): Promise<number> {
  const mod = require("node-taobao-topclient") as { default: new (o: { appkey: string; appsecret: string; REST_URL: string }) => IndependentTopClient };
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
async function clientOverhead(config: TopConfig, record: RecordForSubmission, ctx: BenchContext): Promise<{ p50: number; p95: number; samples: number }> {
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

export async function measureSubmission(ctx: BenchContext): Promise<Figure[]> {
  const emulator = await startEmulator(ctx);
  const config = parseTopConfig({ TOP_GATEWAY_URL: emulator.gatewayUrl, TOP_APP_KEY: DEMO_TOP_APP_KEY, TOP_APP_SECRET: DEMO_TOP_APP_SECRET });
  const perRun = ctx.smoke ? 100 : 2_000;
  const runs = ctx.smoke ? 2 : 3;
  const concurrencies = [8, 64];
  const figures: Figure[] = [];
  try {
    // Unsubmitted records (the newest ones), enough for every run; each run sends records of its own.
    const rows = await prisma.$queryRaw<{ call_record_id: bigint }[]>(Prisma.sql`
      SELECT call_record_id FROM call_records WHERE submission_state = 'not_submitted' AND start_time IS NOT NULL
      ORDER BY start_time DESC, id DESC LIMIT ${perRun * runs * concurrencies.length}`);
    const ids = rows.map((r) => r.call_record_id.toString());
    if (ids.length < perRun * runs * concurrencies.length) throw new Error("not enough unsubmitted records for the submission runs");
    const sample = await loadRecords(ids.slice(0, perRun));

    const overhead = await clientOverhead(config, sample[0]!, ctx);
    figures.push(atMost({ family: "submission", name: "TOP client CPU per request (build, sign, parse, classify)", unit: "ms" }, overhead, { target: 1 }));

    for (const [k, concurrency] of concurrencies.entries()) {
      const mine = ids.slice(k * perRun * runs, (k + 1) * perRun * runs);
      const chunks = Array.from({ length: runs }, (_, r) => mine.slice(r * perRun, (r + 1) * perRun));
      const queue = rateStats(await throughQueue(ctx, config, concurrency, chunks));
      const independent: number[] = [];
      const own: number[] = [];
      for (let r = 0; r < runs; r++) {
        independent.push(await independentClient(config, sample, concurrency));
        own.push(await ownClient(config, sample, concurrency));
      }
      const indep = rateStats(independent);
      ctx.log(`concurrency ${concurrency}: node-taobao-topclient ${Math.round(indep.p50)} records/s, lib/top alone ${Math.round(rateStats(own).p50)} records/s`);
      figures.push(
        atLeast({ family: "submission", name: `queue + worker → emulator, concurrency ${concurrency}, no rate limit`, unit: "records/s" }, queue, {
          target: concurrency === 64 ? 1_000 : undefined,
          ceilingValue: indep.p50,
          share: concurrency === 64 ? 1 : undefined,
          words: "ceiling = node-taobao-topclient, no database",
        }),
        atLeast({ family: "submission", name: `lib/top client alone (no queue), concurrency ${concurrency}`, unit: "records/s" }, rateStats(own), { words: "no target" }),
        atLeast({ family: "submission", name: `node-taobao-topclient (npm), concurrency ${concurrency}`, unit: "records/s" }, indep, { words: "independent client" }),
      );
    }
  } finally {
    await emulator.stop();
  }
  return figures;
}
