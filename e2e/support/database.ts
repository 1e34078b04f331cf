import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Direct access to the e2e run's embedded database (DATA_DIR=.data-e2e), so
 * that specs can check what a page shows against what is stored.
 */
export function e2eDatabaseUrl(): string {
  const state = JSON.parse(readFileSync(path.resolve(".data-e2e/db/postgres.json"), "utf8")) as {
    port: number;
    password: string;
  };
  return `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/lvr`;
}

export async function queryOne<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<T>(sql, values);
    return rows[0]!;
  } finally {
    await client.end();
  }
}
