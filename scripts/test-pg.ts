/**
 * `npm run test:pg [-- vitest args]`: the integration suite against Debian's
 * PostgreSQL 15 through PgBouncer in transaction pooling, the parts a
 * deployment runs (scripts/lib/debian-postgres.ts starts both in a temporary
 * directory). Ports: PG_TEST_PORT (default 4850) and PGBOUNCER_TEST_PORT (4851).
 * `--direct` skips PgBouncer.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { childEnv, testDatabaseEnv } from "../lib/env";
import { startDebianPostgres } from "./lib/debian-postgres";

async function main() {
  const args = process.argv.slice(2);
  const direct = args.includes("--direct");
  const vitestArgs = args.filter((a) => a !== "--direct");
  const pg = await startDebianPostgres({
    port: testDatabaseEnv().PG_TEST_PORT,
    bouncerPort: testDatabaseEnv().PGBOUNCER_TEST_PORT,
    log: (l) => /FATAL|ERROR|PANIC|WARNING|PostgreSQL 15 on/.test(l) && console.error(l),
  });
  let code = 1;
  try {
    const url = direct ? pg.directUrl : pg.pooledUrl;
    console.error(
      `[test:pg] vitest against PostgreSQL 15 ${direct ? "directly" : "through PgBouncer (transaction pooling)"}`,
    );
    const child = spawn(process.execPath, [path.resolve("node_modules/vitest/vitest.mjs"), "run", ...vitestArgs], {
      stdio: "inherit",
      env: childEnv({ DATABASE_URL: url, LVR_TEST_THROUGH_POOLER: String(!direct) }),
    });
    code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  } finally {
    await pg.stop();
  }
  process.exit(code);
}

main().catch((err) => {
  console.error(`[test:pg] ${(err as Error).message}`);
  process.exit(1);
});
