import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** The soak test's processes: each a real `npm run …` role, its output kept for the report when it fails. */

export interface Proc {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

const TSX = ["--conditions=react-server", "--import", "tsx"];

export function run(name: string, script: string, env: NodeJS.ProcessEnv, args: string[] = []): Proc {
  const child = spawn(process.execPath, [...TSX, path.resolve(script), ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (c: Buffer) => {
    out += c.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { name, child, exited, output: () => out };
}

export async function stop(p: Proc, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 30_000): Promise<number | null> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.child.exitCode;
  p.child.kill(signal);
  const timer = setTimeout(() => p.child.kill("SIGKILL"), timeoutMs);
  const code = await p.exited;
  clearTimeout(timer);
  return code;
}

export async function waitHttp(url: string, p: Proc, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null)
      throw new Error(`${p.name} exited (${p.child.exitCode}):\n${p.output().slice(-3000)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${p.name} did not answer at ${url} within ${timeoutMs / 1000} s:\n${p.output().slice(-3000)}`);
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Ingests `records` through the web instances in turn, retrying every refused or lost request until it is answered 2xx. */
export async function ingestAll(opts: {
  urls: () => string[];
  token: string;
  jobId: bigint;
  firstId: bigint;
  count: number;
  perRequest: number;
  concurrency: number;
  latencies: number[];
  stats: { requests: number; retried: number };
}): Promise<void> {
  let next = 0;
  let turn = 0;
  const lane = async () => {
    for (;;) {
      const start = next;
      if (start >= opts.count) return;
      next += opts.perRequest;
      const n = Math.min(opts.perRequest, opts.count - start);
      const body = JSON.stringify(
        Array.from({ length: n }, (_, k) => ({
          call_record_id: String(opts.firstId + BigInt(start + k)),
          robot_call_job_id: opts.jobId.toString(),
          result_status: "ANSWERED",
          start_time: "2026-03-01 09:00:00",
          end_time: "2026-03-01 09:01:00",
          chat_duration: 42,
          name: "张三",
          called_phone_number: "13800001234",
        })),
      );
      for (let attempt = 1; ; attempt++) {
        const urls = opts.urls();
        const url = urls[turn++ % urls.length]!;
        const started = performance.now();
        opts.stats.requests++;
        try {
          const res = await fetch(`${url}/api/v1/call-records`, {
            method: "POST",
            headers: { authorization: `Bearer ${opts.token}`, "content-type": "application/json" },
            body,
            signal: AbortSignal.timeout(60_000),
          });
          const answer = (await res.json()) as { summary?: { rejected: number } };
          if (res.ok) {
            opts.latencies.push(performance.now() - started);
            if (answer.summary?.rejected) throw new Error(`records rejected: ${JSON.stringify(answer.summary)}`);
            break;
          }
        } catch (err) {
          if ((err as Error).message.startsWith("records rejected")) throw err;
        }
        opts.stats.retried++;
        if (attempt > 50) throw new Error(`an ingest request was refused 50 times in a row`);
        await new Promise((r) => setTimeout(r, Math.min(200 * attempt, 2_000)));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
}
