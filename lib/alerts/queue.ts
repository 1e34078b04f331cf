import "server-only";
import { Prisma, prisma } from "../db/client";
import { dueRows } from "../queue/due-rows";
import type { AlertKind, AlertPayload, ChannelType } from "./kinds";

/**
 * The delivery queue (alert_deliveries): due entries are claimed with
 * FOR UPDATE SKIP LOCKED and a lease, so any number of workers share it and an
 * entry whose worker died is taken again when its lease runs out.
 */

export interface ClaimedDelivery {
  id: bigint;
  attempt: number;
  kind: AlertKind;
  messageId: string;
  payload: AlertPayload;
  channel: { id: bigint; type: ChannelType; url: string; secret: string | null; enabled: boolean };
}

interface Row {
  id: bigint;
  attempts: number;
  kind: AlertKind;
  message_id: string;
  payload: AlertPayload;
  channel_id: bigint;
  type: ChannelType;
  url: string;
  secret: string | null;
  enabled: boolean;
}

/** Claims up to `limit` due deliveries (only the ones in `only` when given: "send test" delivers its own at once). */
export async function claimDeliveries(limit: number, leaseMs: number, only?: bigint[]): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const scope = only ? Prisma.sql`AND id = ANY(${only.map(String)}::text[]::bigint[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    WITH ready AS (${dueRows("alert_deliveries", "id", scope, limit)})
    UPDATE alert_deliveries d
    SET state = 'in_flight', attempts = d.attempts + 1, lease_until = now() + ${leaseMs} * interval '1 millisecond', updated_at = now()
    FROM ready, alert_channels c
    WHERE d.id = ready.id AND c.id = d.channel_id
    RETURNING d.id, d.attempts, d.kind, d.message_id, d.payload, c.id AS channel_id, c.type::text AS type, c.url, c.secret, c.enabled`);
  return rows.map((r) => ({
    id: r.id,
    attempt: r.attempts,
    kind: r.kind,
    messageId: r.message_id,
    payload: r.payload,
    channel: { id: r.channel_id, type: r.type, url: r.url, secret: r.secret, enabled: r.enabled },
  }));
}

export interface AttemptRecord {
  status: number | null;
  error: string | null;
  responseBody: string;
  durationMs: number;
}

/**
 * Records an attempt and the delivery's next state: delivered, retried at
 * `retryAt`, or failed for good (`retryAt` null). The attempt goes in the log
 * even when the delivery was meanwhile taken over (lost lease); its state is
 * then left to the new holder. Returns whether this call settled it.
 */
export async function settleDelivery(
  delivery: Pick<ClaimedDelivery, "id" | "attempt">,
  outcome: AttemptRecord & { delivered: boolean; retryAt: Date | null },
): Promise<boolean> {
  const state = outcome.delivered ? "delivered" : outcome.retryAt ? "retrying" : "failed";
  const [row] = await prisma.$queryRaw<{ settled: bigint }[]>(Prisma.sql`
    WITH settled AS (
      UPDATE alert_deliveries SET state = ${state}::alert_delivery_state, next_attempt_at = ${outcome.retryAt ?? new Date()},
        lease_until = NULL, last_status = ${outcome.status}, last_error = ${outcome.error?.slice(0, 500) ?? null},
        delivered_at = ${outcome.delivered ? new Date() : null}, updated_at = now()
      WHERE id = ${delivery.id} AND state = 'in_flight' AND attempts = ${delivery.attempt}
      RETURNING id
    ), logged AS (
      INSERT INTO alert_delivery_attempts (delivery_id, attempt, duration_ms, http_status, error, response_body)
      VALUES (${delivery.id}, ${delivery.attempt}, ${outcome.durationMs}, ${outcome.status}, ${outcome.error?.slice(0, 500) ?? null}, ${outcome.responseBody.slice(0, 1000)})
      ON CONFLICT (delivery_id, attempt) DO NOTHING
    )
    SELECT count(*) AS settled FROM settled`);
  return Number(row?.settled ?? 0) === 1;
}

/** Puts a claimed delivery back without counting the attempt (the worker is stopping). */
export async function releaseDelivery(delivery: Pick<ClaimedDelivery, "id" | "attempt">): Promise<void> {
  await prisma.$executeRaw(Prisma.sql`
    UPDATE alert_deliveries SET state = 'queued', attempts = attempts - 1, lease_until = NULL, updated_at = now()
    WHERE id = ${delivery.id} AND state = 'in_flight' AND attempts = ${delivery.attempt}`);
}
