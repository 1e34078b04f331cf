import "server-only";
import { prisma } from "../db/client";
import { currentClientAddress } from "../http/request-address";
import { currentRequestId } from "../http/request-id";
import { currentAuditVia } from "./context";

/**
 * Appends to the audit trail (the table refuses updates and deletes). An
 * event recorded while serving a request carries the client's address
 * (`details.address`, as lib/http/request-address.ts decides it) unless the
 * caller gave one, and, when served through a personal access token, the
 * token's name (`details.via`: lib/audit/context.ts).
 */
export async function recordAudit(event: {
  actor: { id: bigint | null; email: string | null } | null;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
  /** Default: the request being served (X-Request-Id). */
  requestId?: string;
}): Promise<void> {
  const address = event.details?.address === undefined ? await currentClientAddress() : undefined;
  const via = currentAuditVia();
  const details = {
    ...(address === undefined ? {} : { address }),
    ...(via ? { via: { token: via.token, token_id: via.tokenId } } : {}),
    ...event.details,
  };
  await prisma.auditEvent.create({
    data: {
      actorId: event.actor?.id ?? null,
      actorEmail: event.actor?.email ?? null,
      action: event.action,
      target: event.target ?? null,
      requestId: event.requestId ?? (await currentRequestId()) ?? null,
      details: JSON.parse(JSON.stringify(details, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
    },
  });
}

/** The audit entry of what `actor` did to `target` (recordAudit's common case). */
export function auditBy(
  actor: { id: bigint | null; email: string | null },
  action: string,
  target: string,
  details?: Record<string, unknown>,
): Promise<void> {
  return recordAudit({ actor, action, target, details });
}
