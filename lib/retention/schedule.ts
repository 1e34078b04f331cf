import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "../db/client";
import { audioArchiveDir, getEnv, type Env } from "../env";
import { offsetMs } from "../time/zoned";
import { policyFromEnv } from "./policy";
import { LEASE_MS, startRun, workRun, type RunDeps } from "./run";
import { retentionSalt } from "./salt";

/**
 * The worker's retention loop: once a minute it finishes any run nobody is
 * working on (an admin's "run now", or one whose worker stopped), and from
 * RETENTION_HOUR on starts the day's run if there is none yet.
 */

/** The day and hour of `now` in `timeZone`. */
export function zonedDayHour(now: Date, timeZone: string): { day: string; hour: number } {
  const local = new Date(now.getTime() + offsetMs(now.getTime(), timeZone));
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

export function runDeps(env: Env = getEnv(), owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`): RunDeps {
  return { salt: retentionSalt(env), archiveDir: audioArchiveDir(env), owner };
}

/** One round; returns the runs it finished. */
export async function retentionTick(deps: RunDeps, env: Env = getEnv(), now = new Date()): Promise<bigint[]> {
  const finished: bigint[] = [];
  const waiting = await prisma.retentionRun.findMany({
    where: {
      state: "running",
      OR: [{ owner: null }, { owner: deps.owner }, { heartbeatAt: { lt: new Date(now.getTime() - LEASE_MS) } }],
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  for (const { id } of waiting) if (await workRun(id, deps)) finished.push(id);
  const { day, hour } = zonedDayHour(now, env.DISPLAY_TIME_ZONE);
  if (hour >= env.RETENTION_HOUR) {
    const id = await startRun({ day, kind: "daily", policy: policyFromEnv(env), now });
    if (id !== null && (await workRun(id, deps))) finished.push(id);
  }
  return finished;
}

export function startRetentionScheduler(opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): {
  stop(): Promise<void>;
} {
  let stopping = false;
  const deps = { ...runDeps(), stopping: () => stopping };
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    // A long run spans many rounds: one at a time in this process.
    if (busy) return;
    busy = true;
    running = retentionTick(deps)
      .catch((err) => opts.onError?.(err))
      .finally(() => (busy = false));
  }, opts.intervalMs ?? 60_000);
  timer.unref?.();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
