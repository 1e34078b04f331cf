import "server-only";
import path from "node:path";
import { prisma, readRows, Prisma } from "../db/client";
import { pendingMigrations } from "../db/migrate";
import { isDraining } from "../http/graceful.mjs";
import { STALE_AFTER_MS } from "../submissions/coordination";

export interface HealthReport {
  status: "ok" | "degraded";
  database: { ok: boolean; latencyMs: number; error?: string };
}

export async function checkHealth(): Promise<HealthReport> {
  const started = performance.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return { status: "ok", database: { ok: true, latencyMs: Math.round(performance.now() - started) } };
  } catch (err) {
    return {
      status: "degraded",
      database: {
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        error: (err as Error).message.split("\n")[0],
      },
    };
  }
}

export interface ReadinessReport {
  ready: boolean;
  /** Stopping (SIGTERM): finishing its requests, taking no new ones. */
  draining: boolean;
  database: { ok: boolean; latencyMs: number; error?: string };
  migrations: { current: boolean; pending: string[] };
  /** Workers whose heartbeat row is fresh (not part of `ready`: the web app serves without them). */
  workers: { alive: number; staleAfterMs: number };
}

/** Where the migrations are at run time (not traced into the build: they are read, not imported). */
const migrationsDir = () => path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations");

/** For load balancers: the database answers and has every migration this release ships. */
export async function checkReadiness(): Promise<ReadinessReport> {
  const health = await checkHealth();
  if (!health.database.ok) {
    return {
      ready: false,
      draining: isDraining(),
      database: health.database,
      migrations: { current: false, pending: [] },
      workers: { alive: 0, staleAfterMs: STALE_AFTER_MS },
    };
  }
  const pending = await pendingMigrations((sql) => readRows<{ name: string }>(Prisma.raw(sql)), migrationsDir());
  const [row] = await readRows<{ n: number }>(Prisma.sql`
    SELECT count(*)::int AS n FROM submission_workers WHERE last_seen_at > now() - ${STALE_AFTER_MS} * interval '1 millisecond'`);
  return {
    ready: pending.length === 0 && !isDraining(),
    draining: isDraining(),
    database: health.database,
    migrations: { current: pending.length === 0, pending },
    workers: { alive: row?.n ?? 0, staleAfterMs: STALE_AFTER_MS },
  };
}
