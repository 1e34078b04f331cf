import pg from "pg";
import PgBoss from "pg-boss";
import { Prisma, readRows } from "../../lib/db/client";
import { storableTopParams } from "../../lib/privacy/redact";
import { outcomeText } from "../../lib/submissions/queue";
import { toIvrCallRecordDto, type RecordForSubmission } from "../../lib/submissions/dto";
import { createTopClient } from "../../lib/top/client";
import type { TopConfig } from "../../lib/top/config";

/**
 * The durable-queue peer of the submission benchmark: pg-boss, whose workers
 * fetch jobs in batches, send each record through the console's own TOP client
 * and, in one transaction per record, insert a ledger row shaped like
 * submission_attempts and update the record in call_records (the same unit of
 * work as the console's queue, on the same tables' shapes and triggers).
 */

const QUEUE = "bench-submission";
/** Workers per run, each fetching a quarter of the concurrency (as the console's worker claims a quarter). */
const WORKERS = 4;

export interface Peer {
  run(ids: bigint[], concurrency: number): Promise<number>;
  stop(): Promise<void>;
}

export async function startPeer(databaseUrl: string, config: TopConfig, recordColumns: Prisma.Sql): Promise<Peer> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "bench_pgboss", max: 8 });
  boss.on("error", () => {});
  await boss.start();
  await boss.createQueue(QUEUE);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 64 });
  // The ledger: submission_attempts' columns, defaults and indexes, without the foreign key to the console's jobs.
  await db.query(
    "CREATE TABLE IF NOT EXISTS bench_peer_attempts (LIKE submission_attempts INCLUDING DEFAULTS INCLUDING INDEXES)",
  );
  const client = createTopClient(config);

  async function handle(jobs: PgBoss.Job<{ id: string }>[]): Promise<void> {
    // Read as the console's claim reads them (the driver's types for bigint and timestamps).
    const rows = await readRows<RecordForSubmission & { id: bigint }>(Prisma.sql`
      SELECT id, ${recordColumns} FROM call_records WHERE id = ANY(${jobs.map((j) => j.data.id)}::text[]::bigint[])`);
    await Promise.all(
      rows.map(async (r) => {
        const sentAt = new Date();
        const call = await client.receiveCallRecord(toIvrCallRecordDto(r));
        // Accepted or rejected, the answer is final and written; anything else fails the job (pg-boss retries it).
        if (call.kind !== "accepted" && call.kind !== "rejected")
          throw new Error(`pg-boss peer: record ${r.id} ${call.kind}`);
        const { code, message } = outcomeText(call);
        const c = await db.connect();
        try {
          await c.query("BEGIN");
          await c.query(
            `INSERT INTO bench_peer_attempts (job_id, batch_id, record_id, attempt, sent_at, answered_at, latency_ms, http_status, request_id,
               outcome, result_count, result_success, result_code, result_message, raw_answer, params)
             VALUES ($1, 0, $1, 1, $2, now(), $3, $4, $5, $12::attempt_outcome, $6, $7, $8, $9, $10, $11)`,
            [
              r.id.toString(),
              sentAt,
              call.latencyMs,
              call.httpStatus ?? null,
              call.requestId ?? null,
              call.result?.count ?? null,
              call.result?.success ?? null,
              call.result?.code ?? null,
              call.result?.message ?? null,
              call.rawAnswer ?? null,
              JSON.stringify(storableTopParams(call.sentParams)),
              call.kind,
            ],
          );
          await c.query(
            `UPDATE call_records SET submission_state = $5::submission_state, submission_attempts = submission_attempts + 1, last_submitted_at = $2,
               last_result_code = $3, last_result_message = $4 WHERE id = $1`,
            [r.id.toString(), sentAt, code, message, call.kind],
          );
          await c.query("COMMIT");
        } catch (err) {
          await c.query("ROLLBACK").catch(() => {});
          throw err;
        } finally {
          c.release();
        }
      }),
    );
  }

  return {
    /** Queues the records as pg-boss jobs and waits until every one is completed; records/s, queueing included. */
    async run(ids, concurrency) {
      const started = performance.now();
      await boss.insert(ids.map((id) => ({ name: QUEUE, data: { id: id.toString() } })));
      const batchSize = Math.max(1, Math.ceil(concurrency / WORKERS));
      const workers: string[] = [];
      for (let i = 0; i < WORKERS; i++) {
        // pg-boss 10 sleeps out its polling interval (0.5 s at the least) after every fetch, which would cap
        // a worker at batchSize jobs per 0.5 s: a full batch says more is waiting, and notifyWorker (its API
        // for this) makes the worker fetch again at once, as a tuned deployment would.
        workers[i] = await boss.work<{ id: string }>(
          QUEUE,
          { batchSize, pollingIntervalSeconds: 0.5 },
          async (jobs) => {
            await handle(jobs);
            const id = workers[i];
            if (jobs.length === batchSize && id !== undefined) boss.notifyWorker(id);
          },
        );
      }
      try {
        for (;;) {
          const { rows } = await db.query<{ open: number; failed: number }>(
            `SELECT count(*) FILTER (WHERE state < 'completed')::int AS open, count(*) FILTER (WHERE state = 'failed')::int AS failed FROM bench_pgboss.job WHERE name = $1`,
            [QUEUE],
          );
          if (rows[0]!.failed > 0) {
            const { rows: out } = await db.query<{ output: unknown }>(
              "SELECT output FROM bench_pgboss.job WHERE name = $1 AND state = 'failed' LIMIT 1",
              [QUEUE],
            );
            throw new Error(`pg-boss peer: ${rows[0]!.failed} jobs failed: ${JSON.stringify(out[0]?.output)}`);
          }
          if (rows[0]!.open === 0) break;
          if (performance.now() - started > 300_000) throw new Error("pg-boss run did not finish in 5 minutes");
          await new Promise((r) => setTimeout(r, 5));
        }
        return ids.length / ((performance.now() - started) / 1000);
      } finally {
        await Promise.all(workers.map((w) => boss.offWork(w)));
        await db.query("DELETE FROM bench_pgboss.job WHERE name = $1", [QUEUE]);
      }
    },
    async stop() {
      client.close();
      await boss.stop({ graceful: false, wait: true });
      await db.end();
    },
  };
}
