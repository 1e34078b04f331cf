import { spawn, type ChildProcess } from "node:child_process";
import type { Writable } from "node:stream";

/** Child processes of `npm start`, stopped together and in reverse order. */

export interface Child {
  name: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
}

/** With `copyTo`, the child's output also goes to that stream (LOG_FILE). */
export function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  copyTo?: Writable,
): Child {
  const proc = spawn(command, args, {
    env,
    stdio: ["ignore", copyTo ? "pipe" : "inherit", copyTo ? "pipe" : "inherit"],
  });
  if (copyTo) {
    proc.stdout!.on("data", (c: Buffer) => (process.stdout.write(c), copyTo.write(c)));
    proc.stderr!.on("data", (c: Buffer) => (process.stderr.write(c), copyTo.write(c)));
  }
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { name, proc, exited };
}

export async function stopChild(child: Child, timeoutMs = 10_000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), timeoutMs);
  await child.exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers (any HTTP status below 500), or the child exits, or time runs out. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${child.name} exited before it answered at ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name} did not answer at ${url} within ${timeoutMs / 1000} s`);
}
