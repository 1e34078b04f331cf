import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";

/**
 * Every test run gets a fresh, migrated database: on the server named by
 * DATABASE_URL when it is set (a new database beside it, dropped at the end),
 * else on an embedded PostgreSQL in a temporary directory.
 */

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    /** A migrated database nobody connects to, the template of the private databases (private-database.ts). */
    templateDatabase: string;
  }
}

interface TestDatabase {
  url: string;
  adminUrl: string;
  template: string;
  teardown(): Promise<void>;
}

async function createTestDatabase(): Promise<TestDatabase> {
  const dbName = `lvr_test_${randomBytes(4).toString("hex")}`;
  let adminUrl: string;
  let embedded: EmbeddedPostgresHandle | undefined;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    adminUrl = u.toString();
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "lvr-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir, database: "postgres", ephemeral: true });
    adminUrl = embedded.adminUrl;
  }
  await ensureDatabase(adminUrl, dbName);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  await migrate(url);
  const template = `${dbName}_template`;
  await copyDatabase(adminUrl, dbName, template);
  return {
    url,
    adminUrl,
    template,
    async teardown() {
      // The run's database, its template and the private copies all start with the run's name.
      const client = new pg.Client({ connectionString: adminUrl });
      await client
        .connect()
        .then(async () => {
          const { rows } = await client.query<{ datname: string }>(
            "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
            [dbName],
          );
          for (const { datname } of rows) {
            await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
          }
        })
        .catch(() => {})
        .finally(() => client.end());
      await embedded?.stop();
    },
  };
}

/**
 * CREATE DATABASE … TEMPLATE needs the source without sessions: the migration
 * closed its own, but a pooler (PgBouncer) keeps idle server connections open.
 */
async function copyDatabase(adminUrl: string, source: string, target: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [source]);
    await client.query(
      `CREATE DATABASE ${client.escapeIdentifier(target)} TEMPLATE ${client.escapeIdentifier(source)}`,
    );
  } finally {
    await client.end();
  }
}

// The test projects (vitest.config.ts) share one database: each project runs this setup, the first creates it and
// the last one's teardown drops it. The runner evaluates this module once per project, so the count lives on globalThis.
const shared = globalThis as { lvrTestDatabase?: Promise<TestDatabase>; lvrTestDatabaseUsers?: number };

export default async function setup(project: TestProject) {
  shared.lvrTestDatabase ??= createTestDatabase();
  shared.lvrTestDatabaseUsers = (shared.lvrTestDatabaseUsers ?? 0) + 1;
  const db = await shared.lvrTestDatabase;
  project.provide("databaseUrl", db.url);
  project.provide("adminDatabaseUrl", db.adminUrl);
  project.provide("templateDatabase", db.template);

  return async function teardown() {
    shared.lvrTestDatabaseUsers = (shared.lvrTestDatabaseUsers ?? 1) - 1;
    if (shared.lvrTestDatabaseUsers === 0) await db.teardown();
  };
}
