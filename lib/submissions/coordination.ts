import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, prisma } from "../db/client";

/**
 * How workers share one app's quota through PostgreSQL: each worker
 * heartbeats, and sends at TOP_MAX_QPS divided by the workers seen in the
 * last few seconds; a ban the gateway announces to one worker is written
 * here and held by all of them.
 */
export const STALE_AFTER_MS = 10_000;

/** The TOP gateway a worker sends to, as its heartbeat reports it (host and port only, never credentials). */
export interface ReportedGateway {
  host: string | null;
  emulator: boolean;
}

export class WorkerPresence {
  readonly id = randomUUID();

  constructor(private readonly gateway: ReportedGateway = { host: null, emulator: false }) {}

  /** Marks this worker alive; returns how many workers are (this one included). */
  async heartbeat(): Promise<number> {
    const [row] = await prisma.$queryRaw<{ n: number }[]>(Prisma.sql`
      WITH me AS (
        INSERT INTO submission_workers (id, gateway_host, gateway_emulator)
        VALUES (${this.id}, ${this.gateway.host}, ${this.gateway.emulator})
        ON CONFLICT (id) DO UPDATE SET last_seen_at = now()
        RETURNING id
      )
      SELECT (count(*) + 1)::int AS n FROM submission_workers
      WHERE last_seen_at > now() - ${STALE_AFTER_MS} * interval '1 millisecond' AND id <> ${this.id}`);
    return row?.n ?? 1;
  }

  async leave(): Promise<void> {
    await prisma.$executeRaw`DELETE FROM submission_workers WHERE id = ${this.id} OR last_seen_at < now() - interval '1 hour'`;
  }
}

/** The gateway of the live worker heard from last that reports one (null: no live worker has a gateway). */
export async function reportedGateway(): Promise<ReportedGateway | null> {
  const [row] = await prisma.$queryRaw<{ host: string; emulator: boolean }[]>(Prisma.sql`
    SELECT gateway_host AS host, gateway_emulator AS emulator FROM submission_workers
    WHERE gateway_host IS NOT NULL AND last_seen_at > now() - ${STALE_AFTER_MS} * interval '1 millisecond'
    ORDER BY last_seen_at DESC LIMIT 1`);
  return row ?? null;
}

/** Records a ban for everyone (never shortens one already in force). */
export async function announceBan(ms: number): Promise<void> {
  await prisma.$executeRaw`
    UPDATE submission_throttle SET banned_until = GREATEST(COALESCE(banned_until, now()), now() + ${ms} * interval '1 millisecond') WHERE id = 1`;
}

/** Milliseconds of ban left (0 when none). */
export async function banRemainingMs(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ ms: number | null }[]>`
    SELECT GREATEST(0, extract(epoch FROM banned_until - now()) * 1000)::float8 AS ms FROM submission_throttle WHERE id = 1`;
  return Math.ceil(row?.ms ?? 0);
}
