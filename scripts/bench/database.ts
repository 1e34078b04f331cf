import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";
import { benchEnv } from "../../lib/env/launcher";
import type { BenchContext } from "./context";

/**
 * The benchmark's own database, never the demo's: BENCH_DATABASE_URL when set,
 * else an embedded PostgreSQL under bench/tmp/db (database `lvr_bench`).
 */
export interface BenchDatabase {
  url: string;
  embedded: boolean;
  version: string;
  /** The server's shared_buffers, as PostgreSQL prints it (e.g. "2GB"). */
  sharedBuffers: string;
  stop(): Promise<void>;
}

export async function openBenchDatabase(ctx: BenchContext): Promise<BenchDatabase> {
  let url = benchEnv().BENCH_DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    const handle = await startEmbeddedPostgres({
      dataDir: path.join(ctx.dir, "db"),
      database: "postgres",
      port: ctx.ports.postgres,
    });
    await ensureDatabase(handle.adminUrl, "lvr_bench");
    url = handle.url.replace(/\/postgres$/, "/lvr_bench");
    stop = () => handle.stop();
    ctx.log(`embedded PostgreSQL on 127.0.0.1:${handle.port} (data in ${path.relative(process.cwd(), ctx.dir)}/db)`);
  }
  await migrate(url, { log: () => {} });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  const buffers = (await client.query<{ shared_buffers: string }>("SHOW shared_buffers")).rows[0]!.shared_buffers;
  await client.end();
  return { url, embedded, version: rows[0]!.server_version, sharedBuffers: buffers, stop };
}

/** Empties what a run writes; keeps users (the bench account) and the audit trail (append-only). */
export async function resetBenchTables(client: pg.Client): Promise<void> {
  await client.query(
    "TRUNCATE submission_attempts, submission_jobs, submission_batches, submission_workers, call_records RESTART IDENTITY CASCADE",
  );
}

/** Rows the generator made (their ids are at or above its base), to decide whether a run may reuse them. */
export async function generatedCount(client: pg.Client, base: bigint): Promise<{ generated: number; other: number }> {
  const { rows } = await client.query<{ generated: string; total: string }>(
    "SELECT count(*) FILTER (WHERE call_record_id >= $1) AS generated, count(*) AS total FROM call_records",
    [base.toString()],
  );
  const generated = Number(rows[0]!.generated);
  return { generated, other: Number(rows[0]!.total) - generated };
}
