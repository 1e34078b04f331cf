import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { inClientTransaction } from "./client-transaction";

/**
 * Applies the committed SQL migrations in prisma/migrations (Prisma's layout:
 * `<stamp>_<name>/migration.sql`). Prisma 7's migration CLI needs an engine
 * binary that cannot be downloaded here, so the product applies them itself:
 * in name order, each once, each in its own transaction, under an advisory
 * lock so that several instances starting together apply them once, and
 * checksummed so that an edited, already-applied migration is refused.
 */

export const MIGRATIONS_TABLE = "_lvr_migrations";
// Arbitrary constant shared by every instance of the product: "LVR" + "MIG".
const ADVISORY_LOCK_KEY = 0x4c56524d4947n;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export const DEFAULT_MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export async function loadMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  // turbopackIgnore: /api/ready imports this, and a path Turbopack cannot scope makes `next build` trace the
  // whole project, reading every file under it: an embedded database in .data/ or bench/tmp/ of many
  // gigabytes drove the build out of memory. The server reads the migrations where it runs; nothing to trace.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function migrate(
  connectionString: string,
  opts: { dir?: string; log?: (line: string) => void } = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrations = await loadMigrations(opts.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  // Every step takes the lock inside its own transaction (pg_advisory_xact_lock):
  // through PgBouncer in transaction pooling, a session lock would stay on
  // whichever server connection ran it, and another instance that happened to
  // get that connection would hold it too. A transaction keeps its connection.
  const locked = <T>(step: () => Promise<T>): Promise<T> =>
    inClientTransaction(client, "BEGIN", async () => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY.toString()]);
      return step();
    });
  try {
    const done = await locked(async () => {
      await client.query(`
        CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
          name        text PRIMARY KEY,
          checksum    char(64) NOT NULL,
          applied_at  timestamptz NOT NULL DEFAULT now(),
          duration_ms integer NOT NULL
        )`);
      const { rows } = await client.query<{ name: string; checksum: string }>(
        `SELECT name, checksum FROM "${MIGRATIONS_TABLE}" ORDER BY name`,
      );
      return new Map(rows.map((r) => [r.name, r.checksum]));
    });
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((name) => !known.has(name));
    if (unknown.length) {
      throw new MigrationError(
        `the database has migrations this version does not know (${unknown.join(", ")}); it was migrated by a newer release`,
      );
    }

    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new MigrationError(
            `migration ${m.name} was edited after it was applied (checksum ${previous.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… on disk); add a new migration instead`,
          );
        }
        continue;
      }
      const started = Date.now();
      const ran = await locked(async () => {
        // Another instance may have applied it while this one waited for the lock.
        const { rowCount } = await client.query(`SELECT 1 FROM "${MIGRATIONS_TABLE}" WHERE name = $1`, [m.name]);
        if (rowCount) return false;
        try {
          await client.query(m.sql);
        } catch (err) {
          throw new MigrationError(`migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
        }
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum, duration_ms) VALUES ($1, $2, $3)`, [
          m.name,
          m.checksum,
          Date.now() - started,
        ]);
        return true;
      });
      if (!ran) continue;
      log(`applied migration ${m.name} (${Date.now() - started} ms)`);
      applied.push(m.name);
    }
    return { applied };
  } finally {
    await client.end();
  }
}

/** Migrations on disk that the database has not applied (empty: the schema is current). */
export async function pendingMigrations(
  query: (sql: string) => Promise<{ name: string }[]>,
  dir?: string,
): Promise<string[]> {
  const migrations = await loadMigrations(dir);
  let applied: Set<string>;
  try {
    applied = new Set((await query(`SELECT name FROM "${MIGRATIONS_TABLE}"`)).map((r) => r.name));
  } catch {
    applied = new Set();
  }
  return migrations.map((m) => m.name).filter((name) => !applied.has(name));
}
