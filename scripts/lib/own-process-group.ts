import { spawn } from "node:child_process";
// The bare reader, not the whole configuration module: this runs before anything else of npm start.
import { childEnv, processEnv } from "../../lib/env/process";

/**
 * Ctrl+C in a terminal signals the whole foreground process group: the
 * embedded PostgreSQL too, which then shut down at once and cut the web app's
 * and the worker's connections while they were still running (warnings about
 * lost database connections, and no orderly stop). So `npm start` runs the
 * product in a process group of its own: this first process only starts it
 * there, hands on one stop signal (SIGINT, SIGTERM, SIGHUP) and exits with
 * its code; the product stops its parts in order, the database last, and
 * says "stopped".
 *
 * Imported first by scripts/start.ts: in the launching process its top-level
 * await never settles, so the rest of start.ts does not run there.
 */
const INNER = "LVR_START_GROUP_LEADER";

if (processEnv()[INNER] !== "1" && process.platform !== "win32") {
  const product = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: "inherit",
    env: childEnv({ [INNER]: "1" }),
  });
  let forwarded = false;
  const forward = () => {
    if (forwarded) return;
    forwarded = true;
    product.kill("SIGTERM");
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward);
  product.once("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise<never>(() => {});
}
