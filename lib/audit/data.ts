import "server-only";
import { z } from "zod";
import { csvCell } from "../csv/cell";
import { Prisma, prisma } from "../db/client";

/** /audit filters, from the URL. */
export const auditFiltersSchema = z.object({
  user: z.string().trim().max(254).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  from: z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional().catch(undefined),
  to: z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

function where(f: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(f.user ? { OR: [{ actorEmail: { contains: f.user.toLowerCase() } }, { target: { contains: f.user.toLowerCase() } }] } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: new Date(f.from) } : {}), ...(f.to ? { lt: endOf(f.to) } : {}) } } : {}),
  };
}

const endOf = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) : new Date(to));

/** Newest first, keyset on id (ids grow with time). */
export async function listAuditEvents(f: AuditFilters, size = 100) {
  const rows = await prisma.auditEvent.findMany({
    where: { ...where(f), ...(f.before ? { id: { lt: BigInt(f.before) } } : {}) },
    orderBy: { id: "desc" },
    take: size + 1,
  });
  return { rows: rows.slice(0, size), next: rows.length > size ? rows[size - 1]!.id.toString() : null };
}

export async function* auditEventsCsv(f: AuditFilters): AsyncGenerator<string> {
  yield "\uFEFFid,at,actor_email,action,target,details\r\n";
  let before: bigint | undefined;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({ where: { ...where(f), ...(before ? { id: { lt: before } } : {}) }, orderBy: { id: "desc" }, take: 2000 });
    if (!rows.length) return;
    yield rows
      .map((r) => [r.id.toString(), r.at.toISOString(), r.actorEmail, r.action, r.target, JSON.stringify(r.details)].map(csvCell).join(",") + "\r\n")
      .join("");
    before = rows[rows.length - 1]!.id;
  }
}
