import pg from "pg";
import { inject } from "vitest";
import { ensureDatabase } from "../../lib/db/embedded-postgres";

/** Runs one statement (or several, without parameters) on a short-lived connection. */
export async function queryRows<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A new, empty database on the run's server, for tests that must not share the main one. */
export async function scratchDatabase(tag: string): Promise<string> {
  const admin = inject("adminDatabaseUrl");
  const name = `lvr_${tag}_${Math.random().toString(36).slice(2, 8)}`;
  await ensureDatabase(admin, name);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}
