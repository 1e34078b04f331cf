// npm run seed [-- --records N] [--seed N]
// (Re)seeds the demo call records on demand. Uses DATABASE_URL, or the
// embedded PostgreSQL under .data/ when it is unset (migrations applied
// first). Deterministic ids mean a re-run updates the same rows: with the
// default seed it moves the demo's 30-day window up to now.
import { parseArgs } from "node:util";
import { launcherEnv } from "../lib/env";
import { resolveDatabase } from "./lib/database";

const log = (line: string) => console.log(line);

function intFlag(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    console.error(`seed: --${name} must be an integer >= ${min}, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: { records: { type: "string" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    log(
      "usage: npm run seed -- [--records N] [--seed N]\n  seeds demo call records (default 20000, seed 20261124) through the ingest path",
    );
    return;
  }
  const records = intFlag("records", values.records, 0);
  const seed = intFlag("seed", values.seed, 0);
  const settings = launcherEnv();
  const audioBaseUrl = settings.PUBLIC_URL ?? `http://127.0.0.1:${settings.PORT}`;

  const db = await resolveDatabase({ log });
  try {
    // Imported after resolveDatabase so that the env module sees DATABASE_URL.
    const { seedDemo } = await import("../dev/demo/seed");
    const { disconnectPrisma } = await import("../lib/db/client");
    try {
      await seedDemo({ records, seed, audioBaseUrl, log });
    } finally {
      await disconnectPrisma();
    }
  } finally {
    await db.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
