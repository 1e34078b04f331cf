import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * Setup file of the `own-database` test project (vitest.config.ts): the file
 * gets a database of its own, a copy of the run's migrated template, because
 * it does database-wide work (a worker's claims, the compliance followups) or
 * asserts a plan from whole-table statistics; vitest.config.ts says which
 * files and why. The global teardown drops the copies with the run's database.
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
