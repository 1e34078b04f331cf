/**
 * `npm run web`: one web instance for production, behind a load balancer
 * (run as many as needed). Checks the configuration, then serves the built
 * app (`npm run build` first) with scripts/web-server.mjs on HOST:PORT.
 * No database is started, no migration applied (`npm run migrate`), no demo.
 * SIGTERM: stops accepting, lets requests in flight finish (SHUTDOWN_GRACE_MS).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { childEnv, launcherEnv } from "../lib/env";
import { requireProductionConfig } from "./lib/production-config";
import { webServerCommand } from "./lib/web-server-command";

requireProductionConfig("web");
if (!existsSync(path.resolve(".next/BUILD_ID"))) {
  console.error("[web] no production build in .next/: run `npm run build` first");
  process.exit(1);
}
const settings = launcherEnv();
const host = settings.HOST ?? "0.0.0.0";
const child = spawn(process.execPath, webServerCommand({ host, port: settings.PORT }), {
  stdio: "inherit",
  env: childEnv({ NODE_ENV: "production", DEMO_MODE: settings.DEMO_MODE ?? "false" }),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
