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
  }
}

let embedded: EmbeddedPostgresHandle | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

export default async function setup(project: TestProject) {
  const dbName = `lvr_test_${randomBytes(4).toString("hex")}`;
  let adminUrl: string;
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

  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(dbName)} WITH (FORCE)`);
    await client.end();
  };
  project.provide("databaseUrl", url);
  project.provide("adminDatabaseUrl", adminUrl);

  return async function teardown() {
    await dropDatabase?.().catch(() => {});
    await embedded?.stop();
  };
}
