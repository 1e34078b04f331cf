/**
 * `npm run migrate`: brings a production database to this release's schema,
 * then the one-time setup every start of the product relies on (rollup days
 * in DISPLAY_TIME_ZONE, the first admin from ADMIN_EMAIL/ADMIN_PASSWORD).
 * Safe to run from several instances at once (lib/db/migrate.ts locks).
 * Uses DIRECT_DATABASE_URL when set, else DATABASE_URL (PgBouncer in
 * transaction pooling works too). Exits non-zero when anything failed.
 */
import { migrate } from "../lib/db/migrate";
import { launcherEnv } from "../lib/env";
import { requireProductionConfig } from "./lib/production-config";

const say = (line: string) => console.log(`[migrate] ${line}`);

async function main() {
  const env = requireProductionConfig("migrate");
  const url = env.DIRECT_DATABASE_URL ?? env.DATABASE_URL;
  const { applied } = await migrate(url, { log: say });
  say(applied.length ? `${applied.length} migration(s) applied` : "schema is current");

  const { ensureRollupTimeZone } = await import("../lib/call-records/rollups");
  const { ensureBootstrapUsers } = await import("../lib/auth/bootstrap");
  const { disconnectPrisma } = await import("../lib/db/client");
  try {
    const { recounted } = await ensureRollupTimeZone(env.DISPLAY_TIME_ZONE);
    if (recounted) say(`rollup counts recounted for the display time zone ${env.DISPLAY_TIME_ZONE}`);
    const created = await ensureBootstrapUsers({
      demo: false,
      demoPassword: env.DEMO_PASSWORD,
      adminEmail: launcherEnv().ADMIN_EMAIL,
      adminPassword: launcherEnv().ADMIN_PASSWORD,
    });
    if (created.length) say(`created accounts: ${created.join(", ")}`);
  } finally {
    await disconnectPrisma();
  }
}

main().catch((err) => {
  // A driver error can quote its connection string; the message's first line never does.
  console.error(`[migrate] failed: ${(err as Error).message.split("\n")[0]}`);
  process.exit(1);
});
