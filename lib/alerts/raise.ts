import "server-only";
import { Prisma, prisma } from "../db/client";
import { log } from "../log";
import type { AlertContent, AlertKind, AlertPayload } from "./kinds";

export type { AlertKind } from "./kinds";

const MAX_TITLE = 200;
const MAX_TEXT = 4000;

/** The alert as stored: bounded, so that one caller's long message cannot bloat every channel's queue. */
export function alertPayload(alert: AlertContent, now = new Date()): AlertPayload {
  const facts = alert.facts
    ? Object.fromEntries(
        Object.entries(alert.facts)
          .slice(0, 20)
          .map(([k, v]) => [k.slice(0, 60), typeof v === "number" ? v : String(v).slice(0, 500)]),
      )
    : undefined;
  return {
    title: alert.title.slice(0, MAX_TITLE),
    text: alert.text.slice(0, MAX_TEXT),
    ...(alert.link ? { link: alert.link.slice(0, 2000) } : {}),
    ...(facts ? { facts } : {}),
    occurredAt: now.toISOString(),
  };
}

/**
 * Queues one delivery of the alert per enabled channel that receives `kind`;
 * returns how many. Throws on database errors (raiseAlert is the forgiving one).
 */
export async function enqueueAlert(
  kind: AlertKind,
  alert: AlertContent,
  db: Pick<typeof prisma, "$executeRaw"> = prisma,
): Promise<number> {
  const payload = JSON.stringify(alertPayload(alert));
  return db.$executeRaw(Prisma.sql`
    INSERT INTO alert_deliveries (channel_id, kind, message_id, payload)
    SELECT c.id, ${kind}, 'msg_' || replace(gen_random_uuid()::text, '-', ''), ${payload}::jsonb
    FROM alert_channels c WHERE c.enabled AND ${kind} = ANY(c.events)`);
}

/**
 * Raises an alert: every channel subscribed to `kind` gets it, delivered by the
 * worker with retries. Never throws: an alert is a side effect, and the batch,
 * the ingest or the rule that raised it must go on whatever happens here.
 */
export async function raiseAlert(kind: AlertKind, alert: AlertContent): Promise<void> {
  try {
    const queued = await enqueueAlert(kind, alert);
    if (queued > 0) log().info({ kind, channels: queued }, "alerts: alert queued");
  } catch (err) {
    log().error({ kind, error: (err as Error).message.split("\n")[0] }, "alerts: raising an alert failed");
  }
}
