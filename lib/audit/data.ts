import "server-only";
import { csvCell } from "../csv/cell";
import { maskJson } from "../privacy/redact";
import { Prisma, prisma } from "../db/client";
import { lowerBound, upperBound, type AuditFilters } from "./schema";

export { auditFiltersSchema, parseAuditFilters, type AuditFilters } from "./schema";
import type { AuditEvent } from "../db/generated/client";

function where(f: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(f.user
      ? { OR: [{ actorEmail: { contains: f.user.toLowerCase() } }, { target: { contains: f.user.toLowerCase() } }] }
      : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to
      ? { at: { ...(f.from ? { gte: lowerBound(f.from) } : {}), ...(f.to ? { lt: upperBound(f.to) } : {}) } }
      : {}),
  };
}

/**
 * Newest first, keyset on id (ids grow with time): `before` pages to older
 * events, `after` back to newer ones (read upwards, then reversed). `prev`
 * and `next` are the ids to page from, null at either end.
 */
export async function listAuditEvents(
  f: AuditFilters,
  size = 100,
): Promise<{ rows: AuditEvent[]; next: string | null; prev: string | null }> {
  if (f.after && !f.before) {
    const newer = await prisma.auditEvent.findMany({
      where: { ...where(f), id: { gt: BigInt(f.after) } },
      orderBy: { id: "asc" },
      take: size + 1,
    });
    // Fewer than a page above: that is the newest page, shown whole.
    if (newer.length <= size) return listAuditEvents({ ...f, after: undefined }, size);
    const rows = newer
      .slice(0, size)
      .reverse()
      .map((r) => ({ ...r, details: maskJson(r.details) as typeof r.details }));
    return { rows, next: rows.at(-1)!.id.toString(), prev: rows[0]!.id.toString() };
  }
  const rows = await prisma.auditEvent.findMany({
    where: { ...where(f), ...(f.before ? { id: { lt: BigInt(f.before) } } : {}) },
    orderBy: { id: "desc" },
    take: size + 1,
  });
  const page = rows.slice(0, size).map((r) => ({ ...r, details: maskJson(r.details) as typeof r.details }));
  return {
    rows: page,
    next: rows.length > size ? page.at(-1)!.id.toString() : null,
    prev: f.before && page.length ? page[0]!.id.toString() : null,
  };
}

export async function* auditEventsCsv(f: AuditFilters): AsyncGenerator<string> {
  yield "\uFEFFid,at,actor_email,action,target,details\r\n";
  let before: bigint | undefined;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: { ...where(f), ...(before ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: 2000,
    });
    if (!rows.length) return;
    yield rows
      .map(
        (r) =>
          [r.id.toString(), r.at.toISOString(), r.actorEmail, r.action, r.target, JSON.stringify(maskJson(r.details))]
            .map(csvCell)
            .join(",") + "\r\n",
      )
      .join("");
    before = rows[rows.length - 1]!.id;
  }
}
