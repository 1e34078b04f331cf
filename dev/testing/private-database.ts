import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * Setup file of the `workers` test project (vitest.config.ts): the file gets a
 * database of its own, a copy of the run's migrated template. A submission
 * worker claims from every running batch of its database, so with one shared
 * database a file's worker would send, or be held by, another file's batches.
 * The global teardown drops the copies with the run's database.
 */
const template = inject("templateDatabase");
const name = `${template.replace(/_template$/, "")}_${randomBytes(4).toString("hex")}`;
const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
await client.connect();
try {
  await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
} finally {
  await client.end();
}
const url = new URL(inject("databaseUrl"));
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
