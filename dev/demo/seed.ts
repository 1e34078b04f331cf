import "server-only";
import { ingestCallRecords, MAX_RECORDS_PER_BATCH } from "../../lib/call-records/ingest/mutations";
import { runFollowups } from "../../lib/compliance/followups";
import { ensureComplianceSettings } from "../../lib/compliance/recheck";
import { prisma, type Prisma } from "../../lib/db/client";
import { DEFAULT_DEMO_RECORDS, DEFAULT_DEMO_SEED, generateDemoRecords, type DemoRecordWire } from "./generate";

/**
 * Seeds the demo call records. They go through ingestCallRecords, the same
 * validation and idempotent upsert as the ingest API, so the demo proves that
 * path and cannot hold a record the API would refuse. Record ids are
 * deterministic: seeding again (or two instances seeding at once) updates the
 * same rows and never duplicates them.
 */

/** 1,000: the most one ingest call (one SQL statement) takes. */
export const SEED_BATCH_SIZE = MAX_RECORDS_PER_BATCH;

export interface SeedDemoOptions {
  /** End of the 30-day window; now by default. */
  now?: Date;
  seed?: number;
  records?: number;
  /** Origin that serves public/, e.g. http://127.0.0.1:3000. */
  audioBaseUrl: string;
  log?: (line: string) => void;
  /** Do nothing when call_records already holds any row (first start only). */
  onlyIfEmpty?: boolean;
}

export interface SeedDemoResult {
  /** Records stored (created, updated or unchanged). */
  seeded: number;
  skipped: boolean;
}

/** True when call_records has no row at all. Takes a client or a transaction. */
export async function callRecordsEmpty(db: Pick<Prisma.TransactionClient, "$queryRaw"> = prisma): Promise<boolean> {
  const rows = await db.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM call_records) AS "any"`;
  return rows[0]?.any !== true;
}

export async function seedDemo(opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  if (opts.onlyIfEmpty && !(await callRecordsEmpty())) {
    log("demo data: call_records is not empty, nothing seeded");
    return { seeded: 0, skipped: true };
  }

  // The ingest below checks every call with these settings: stored first, the
  // worker's first start finds them current and queues no recheck of the demo.
  await ensureComplianceSettings();
  const total = opts.records ?? DEFAULT_DEMO_RECORDS;
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  log(`demo data: seeding ${total.toLocaleString("en")} call records (seed ${seed})`);
  const started = Date.now();
  let sent = 0;
  const outcomes = { created: 0, updated: 0, unchanged: 0 };
  let nextReport = total / 10;
  let batch: DemoRecordWire[] = [];

  const flush = async () => {
    const { summary, results } = await ingestCallRecords(batch, { source: "seed" });
    if (summary.rejected > 0) {
      // A generated record the validator refuses is a bug in one of the two: stop and say which record and why.
      const bad = results.find((r) => r.outcome === "rejected");
      throw new Error(
        `demo data: ${summary.rejected} record(s) rejected, e.g. ${bad?.call_record_id}: ${JSON.stringify(bad?.errors)}`,
      );
    }
    outcomes.created += summary.created;
    outcomes.updated += summary.updated;
    outcomes.unchanged += summary.unchanged;
    sent += batch.length;
    batch = [];
    if (sent >= nextReport || sent === total) {
      log(`demo data: ${sent.toLocaleString("en")} / ${total.toLocaleString("en")}`);
      while (nextReport <= sent) nextReport += total / 10;
    }
  };

  for (const record of generateDemoRecords({
    seed,
    now: opts.now ?? new Date(),
    records: total,
    audioBaseUrl: opts.audioBaseUrl,
  })) {
    batch.push(record);
    if (batch.length >= SEED_BATCH_SIZE) await flush();
  }
  if (batch.length > 0) await flush();
  // The demo's calls arrive in no particular order: the later calls' frequency checks are settled before the
  // console shows them, not left to the worker.
  await runFollowups();

  const seeded = outcomes.created + outcomes.updated + outcomes.unchanged;
  const detail = Object.entries(outcomes)
    .map(([k, n]) => `${n.toLocaleString("en")} ${k}`)
    .join(", ");
  log(
    `demo data: ${seeded.toLocaleString("en")} call records (${detail}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { seeded, skipped: false };
}
