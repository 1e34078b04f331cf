import "server-only";
import { z } from "zod";
import { csvCell } from "../csv/cell";
import { Prisma, prisma } from "../db/client";
import type { AuditEvent } from "../db/generated/client";

/** /audit filters, from the URL. */
export const auditFiltersSchema = z.object({
  user: z.string().trim().max(254).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  from: z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional().catch(undefined),
  to: z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
  /** The page of newer events just above this id ("previous", keyset backwards). */
  after: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
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

/**
 * Newest first, keyset on id (ids grow with time): `before` pages to older
 * events, `after` back to newer ones (read upwards, then reversed). `prev`
 * and `next` are the ids to page from, null at either end.
 */
export async function listAuditEvents(f: AuditFilters, size = 100): Promise<{ rows: AuditEvent[]; next: string | null; prev: string | null }> {
  if (f.after && !f.before) {
    const newer = await prisma.auditEvent.findMany({ where: { ...where(f), id: { gt: BigInt(f.after) } }, orderBy: { id: "asc" }, take: size + 1 });
    // Fewer than a page above: that is the newest page, shown whole.
    if (newer.length <= size) return listAuditEvents({ ...f, after: undefined }, size);
    const rows = newer.slice(0, size).reverse();
    return { rows, next: rows.at(-1)!.id.toString(), prev: rows[0]!.id.toString() };
  }
  const rows = await prisma.auditEvent.findMany({
    where: { ...where(f), ...(f.before ? { id: { lt: BigInt(f.before) } } : {}) },
    orderBy: { id: "desc" },
    take: size + 1,
  });
  const page = rows.slice(0, size);
  return { rows: page, next: rows.length > size ? page.at(-1)!.id.toString() : null, prev: f.before && page.length ? page[0]!.id.toString() : null };
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
