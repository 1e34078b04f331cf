import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { childEnv } from "../../lib/env/process";
import { buildIsCurrent, recordBuild } from "../lib/build-fingerprint";
import { webServerCommand } from "../lib/web-server-command";
import type { BenchContext } from "./context";
import { waitUntilReady } from "./wait-ready";

const require = createRequire(import.meta.url);

/**
 * The production build served by scripts/web-server.mjs (as `npm start` serves
 * it, with the same Node flags, built first when the sources changed) against
 * the bench database, on a private port, with DATA_DIR in the bench directory
 * and no demo.
 */
export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export const BENCH_INGEST_TOKEN = "bench-ingest-token-0123456789abcdef";

export function ensureBuild(ctx: BenchContext): void {
  if (buildIsCurrent()) return;
  ctx.log("building the web app (sources changed since the last build)…");
  const build = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: childEnv({ NEXT_TELEMETRY_DISABLED: "1" }),
  });
  if (build.status !== 0) throw new Error("next build failed");
  recordBuild();
}

export async function startBenchServer(ctx: BenchContext, env: Record<string, string>): Promise<BenchServer> {
  const dataDir = path.join(ctx.dir, "data");
  mkdirSync(dataDir, { recursive: true });
  const url = `http://127.0.0.1:${ctx.ports.web}`;
  const proc: ChildProcess = spawn(process.execPath, webServerCommand({ host: "127.0.0.1", port: ctx.ports.web }), {
    env: childEnv({
      ...env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      DEMO_MODE: "false",
      PUBLIC_URL: url,
      INGEST_TOKEN: BENCH_INGEST_TOKEN,
      LOG_LEVEL: "warn",
      DISPLAY_TIME_ZONE: ctx.timeZone,
    }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  await waitUntilReady(
    proc,
    async () => (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).status < 500,
    {
      timeoutMs: 120_000,
      pollMs: 200,
      exited: "the web app exited before it answered",
      timedOut: `the web app did not answer at ${url}`,
    },
  );
  return {
    url,
    pid: proc.pid!,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
export function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    } catch {
      // gone
    }
  };
  visit(pid);
  return kb / 1024;
}

/** Samples `read` every `everyMs` until stopped; returns the peak. */
export function peakSampler(read: () => number, everyMs = 50): { stop(): number } {
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, read());
    },
  };
}
