/**
 * `npm start`: the whole product in one command.
 *
 *   database   DATABASE_URL, or an embedded PostgreSQL under .data/ (migrations applied)
 *   demo data  seeded on first start of the embedded default
 *   TOP        TOP_GATEWAY_URL, or the local TOP emulator started here
 *   web app    built when its sources changed, then served by scripts/web-server.mjs
 *
 * SIGINT/SIGTERM stop everything cleanly, the database last.
 *
 *   npm start                     the product (production build)
 *   npm run dev                   the same with Next's dev server (hot reload)
 *   npm start -- --services-only  database, demo data and emulator only
 */
// First: the product runs in a process group of its own (quiet Ctrl+C).
import "./lib/own-process-group";
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { childEnv, emulatorEnv, exportEnv, launcherEnv, topConfig } from "../lib/env";
import { pushRecordsCommand } from "./lib/banner";
import { buildIsCurrent, recordBuild } from "./lib/build-fingerprint";
import { DEMO_TOP_APP_KEY, DEMO_TOP_APP_SECRET } from "./lib/demo-top-app";
import { dataDir, resolveDatabase } from "./lib/database";
import { resolveIngestToken } from "./lib/ingest-token";
import { keyId, publicKeyPem, parseSigningKey, resolveSigningKey } from "../lib/evidence/signing-key";
import { startChild, stopChild, waitForHttp, type Child } from "./lib/processes";
import { webServerCommand } from "./lib/web-server-command";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const tsxLoader = "tsx";

const say = (line: string) => console.log(`[lvr] ${line}`);
const mode: "production" | "dev" | "services" = process.argv.includes("--services-only")
  ? "services"
  : process.argv.includes("--dev")
    ? "dev"
    : "production";

const settings = (() => {
  try {
    return launcherEnv();
  } catch (err) {
    console.error(`[lvr] failed to start: ${(err as Error).message}`);
    process.exit(1);
  }
})();
const port = settings.PORT;
const host = settings.HOST ?? "127.0.0.1";
const publicUrl = settings.PUBLIC_URL ?? `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
// The web app knows its own address: demo recordings under it are served from public/.
exportEnv({ PUBLIC_URL: publicUrl });

const children: Child[] = [];
// LOG_FILE: everything the product's processes print, also appended to a file.
if (settings.LOG_FILE) mkdirSync(path.dirname(path.resolve(settings.LOG_FILE)), { recursive: true });
const logFile = settings.LOG_FILE ? createWriteStream(settings.LOG_FILE, { flags: "a" }) : undefined;
let stopDatabase: () => Promise<void> = async () => {};
let shuttingDown = false;

async function shutdown(code: number): Promise<void> {
  // A second signal while stopping (a process manager's repeat, Ctrl+C pressed again) must not exit
  // before the parts are down: that left the worker, the emulator and PostgreSQL running, orphaned.
  if (shuttingDown) {
    say("already stopping: the parts stop in order, the database last");
    return;
  }
  shuttingDown = true;
  for (const child of [...children].reverse()) await stopChild(child);
  await stopDatabase().catch((err) => console.error(`[lvr] stopping PostgreSQL failed: ${(err as Error).message}`));
  say("stopped");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  exportEnv({ NEXT_TELEMETRY_DISABLED: "1" });
  const db = await resolveDatabase({ log: say });
  stopDatabase = db.stop;
  const demo = db.embedded && settings.DEMO_MODE !== "false";
  exportEnv({ DEMO_MODE: String(demo) });

  {
    // Days in the rollups are days in DISPLAY_TIME_ZONE; a changed setting recounts them once, here.
    const { ensureRollupTimeZone } = await import("../lib/call-records/rollups");
    const { getEnv } = await import("../lib/env");
    const { disconnectPrisma } = await import("../lib/db/client");
    const zone = getEnv().DISPLAY_TIME_ZONE;
    const { recounted } = await ensureRollupTimeZone(zone);
    if (recounted) say(`rollup counts recounted for the display time zone ${zone}`);
    await disconnectPrisma();
  }

  if (demo || settings.DEMO_SEED === "true") {
    const { seedDemo } = await import("../dev/demo/seed");
    const { disconnectPrisma } = await import("../lib/db/client");
    await seedDemo({ audioBaseUrl: publicUrl, onlyIfEmpty: true, log: say });
    await disconnectPrisma();
  }

  {
    const { ensureBootstrapUsers } = await import("../lib/auth/bootstrap");
    const { disconnectPrisma } = await import("../lib/db/client");
    const created = await ensureBootstrapUsers({
      demo,
      demoPassword: settings.DEMO_PASSWORD,
      adminEmail: settings.ADMIN_EMAIL,
      adminPassword: settings.ADMIN_PASSWORD,
    });
    if (created.length) say(`created accounts: ${created.join(", ")}`);
    await disconnectPrisma();
  }

  if (demo) {
    // After the accounts: the demo's scored calls are the demo reviewer's verdicts.
    const { seedDemoScorecards } = await import("../dev/demo/scorecards");
    const { disconnectPrisma } = await import("../lib/db/client");
    await seedDemoScorecards({ log: say });
    await disconnectPrisma();
  }

  const ingest = resolveIngestToken(dataDir());
  exportEnv({ INGEST_TOKEN: ingest.token });
  // Evidence bundles are signed with one key across restarts: the setting's, else one generated once into the data directory.
  const evidenceKey = resolveSigningKey(dataDir(), settings.EVIDENCE_SIGNING_KEY);
  exportEnv({ EVIDENCE_SIGNING_KEY: evidenceKey.pem });
  const evidenceKeyId = keyId(publicKeyPem(parseSigningKey(evidenceKey.pem))); // a bad setting stops the start here

  let gateway = settings.TOP_GATEWAY_URL;
  if (!gateway) {
    const emulatorSettings = emulatorEnv();
    const emulatorPort = emulatorSettings.TOP_EMULATOR_PORT;
    const appKey = settings.TOP_APP_KEY ?? DEMO_TOP_APP_KEY;
    const appSecret = settings.TOP_APP_SECRET ?? DEMO_TOP_APP_SECRET;
    exportEnv({ TOP_APP_KEY: appKey, TOP_APP_SECRET: appSecret });
    const emulator = startChild(
      "TOP emulator",
      process.execPath,
      ["--conditions=react-server", "--import", tsxLoader, path.resolve("scripts/top-emulator.ts")],
      childEnv({
        TOP_EMULATOR_PORT: String(emulatorPort),
        TOP_EMULATOR_APPS: emulatorSettings.TOP_EMULATOR_APPS ?? `${appKey}:${appSecret}`,
      }),
      logFile,
    );
    children.push(emulator);
    await waitForHttp(`http://127.0.0.1:${emulatorPort}/__emulator/received`, emulator, 30_000);
    gateway = `http://127.0.0.1:${emulatorPort}/router/rest`;
    exportEnv({ TOP_GATEWAY_URL: gateway, TOP_EMULATOR_ACTIVE: "true" });
  }

  topConfig(); // a clear message now rather than a worker that dies later
  const worker = startChild(
    "submission worker",
    process.execPath,
    ["--conditions=react-server", "--import", tsxLoader, path.resolve("scripts/worker.ts")],
    childEnv(),
    logFile,
  );
  children.push(worker);

  if (mode === "production" && !buildIsCurrent()) {
    say("building the web app (first start or sources changed)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv() });
    if (build.status !== 0) throw new Error("next build failed");
    recordBuild();
  }

  if (mode !== "services") {
    const web = startChild(
      "web app",
      process.execPath,
      webServerCommand({ dev: mode === "dev", host, port }),
      childEnv({ NODE_ENV: mode === "dev" ? "development" : "production" }),
      logFile,
    );
    children.push(web);
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, web, mode === "dev" ? 300_000 : 120_000);
  }

  for (const child of children) {
    void child.exited.then((code) => {
      if (shuttingDown) return;
      console.error(`[lvr] ${child.name} exited (code ${code}); stopping`);
      void shutdown(1);
    });
  }

  say("");
  say(mode === "services" ? "Services are up (no web app: --services-only)" : `LVR Console is up at ${publicUrl}`);
  say(
    `  database     ${db.embedded ? `embedded PostgreSQL (data in ${path.relative(process.cwd(), dataDir()) || "."}/db)` : "DATABASE_URL"}`,
  );
  say(
    `  TOP gateway  ${!settings.TOP_GATEWAY_URL || settings.TOP_EMULATOR_ACTIVE === "true" ? `local emulator ${gateway}` : gateway}`,
  );
  say(`  ingest token ${ingest.token}${ingest.file ? `  (kept in ${path.relative(process.cwd(), ingest.file)})` : ""}`);
  say(
    `  evidence key ${evidenceKeyId}${evidenceKey.file ? `  (kept in ${path.relative(process.cwd(), evidenceKey.file)})` : ""}`,
  );
  if (demo) say(`  demo logins  admin@ supervisor@ reviewer@ operator@demo.local, password ${settings.DEMO_PASSWORD}`);
  say(`  push records ${pushRecordsCommand(ingest.token, publicUrl)}`);
  if (mode === "services") say(`  DATABASE_URL ${db.url}`);
  say("Press Ctrl+C to stop.");
}

main().catch(async (err) => {
  console.error(`[lvr] failed to start: ${(err as Error).message}`);
  await shutdown(1);
});
