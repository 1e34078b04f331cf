import type { ChildProcess } from "node:child_process";

/**
 * Waits until a child the benchmark started answers `ready()` (a refused
 * connection counts as not yet), every `pollMs`; throws when the child exits
 * first or `timeoutMs` pass.
 */
export async function waitUntilReady(
  proc: ChildProcess,
  ready: () => Promise<boolean>,
  wait: { timeoutMs: number; pollMs: number; exited: string; timedOut: string },
): Promise<void> {
  const deadline = Date.now() + wait.timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(wait.exited);
    try {
      if (await ready()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(wait.timedOut);
    await new Promise((r) => setTimeout(r, wait.pollMs));
  }
}
