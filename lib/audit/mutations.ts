import "server-only";
import { prisma } from "../db/client";

/** Appends to the audit trail (the table refuses updates and deletes). */
export async function recordAudit(event: {
  actor: { id: bigint | null; email: string | null } | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      actorId: event.actor?.id ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      target: event.target ?? null,
      details: JSON.parse(JSON.stringify(event.details ?? {}, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
    },
  });
}
