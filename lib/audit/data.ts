import "server-only";
import { csvCell } from "../csv/cell";
import { maskJson } from "../privacy/redact";
import { Prisma, prisma } from "../db/client";
import { lowerBound, upperBound, type AuditFilters } from "./schema";

export { auditFiltersSchema, parseAuditFilters, type AuditFilters } from "./schema";

function where(f: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(f.user ? { OR: [{ actorEmail: { contains: f.user.toLowerCase() } }, { target: { contains: f.user.toLowerCase() } }] } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: lowerBound(f.from) } : {}), ...(f.to ? { lt: upperBound(f.to) } : {}) } } : {}),
  };
}

/** Newest first, keyset on id (ids grow with time). */
export async function listAuditEvents(f: AuditFilters, size = 100) {
  const rows = await prisma.auditEvent.findMany({
    where: { ...where(f), ...(f.before ? { id: { lt: BigInt(f.before) } } : {}) },
    orderBy: { id: "desc" },
    take: size + 1,
  });
  // Details quote what people and platforms sent: numbers in them are masked like everywhere else.
  return { rows: rows.slice(0, size).map((r) => ({ ...r, details: maskJson(r.details) as typeof r.details })), next: rows.length > size ? rows[size - 1]!.id.toString() : null };
}

export async function* auditEventsCsv(f: AuditFilters): AsyncGenerator<string> {
  yield "\uFEFFid,at,actor_email,action,target,details\r\n";
  let before: bigint | undefined;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({ where: { ...where(f), ...(before ? { id: { lt: before } } : {}) }, orderBy: { id: "desc" }, take: 2000 });
    if (!rows.length) return;
    yield rows
      .map((r) => [r.id.toString(), r.at.toISOString(), r.actorEmail, r.action, r.target, JSON.stringify(maskJson(r.details))].map(csvCell).join(",") + "\r\n")
      .join("");
    before = rows[rows.length - 1]!.id;
  }
}
