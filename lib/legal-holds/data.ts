import "server-only";
import { prisma } from "../db/client";

export interface HoldRow {
  callRecordId: bigint;
  reason: string;
  setByEmail: string | null;
  setAt: Date;
}

/** The hold on one record (by its internal id), or null. */
export async function holdOf(recordId: bigint): Promise<HoldRow | null> {
  const h = await prisma.legalHold.findUnique({
    where: { recordId },
    select: { reason: true, setByEmail: true, setAt: true, record: { select: { callRecordId: true } } },
  });
  return h ? { callRecordId: h.record.callRecordId, reason: h.reason, setByEmail: h.setByEmail, setAt: h.setAt } : null;
}

/** Holds, newest first, a page at a time (keyset on set_at, record_id). */
export async function listHolds(
  limit: number,
  before?: { setAt: Date; recordId: bigint },
): Promise<{ rows: (HoldRow & { recordId: bigint })[]; total: number }> {
  const [rows, total] = await Promise.all([
    prisma.legalHold.findMany({
      where: before
        ? { OR: [{ setAt: { lt: before.setAt } }, { setAt: before.setAt, recordId: { lt: before.recordId } }] }
        : undefined,
      orderBy: [{ setAt: "desc" }, { recordId: "desc" }],
      take: limit,
      select: {
        recordId: true,
        reason: true,
        setByEmail: true,
        setAt: true,
        record: { select: { callRecordId: true } },
      },
    }),
    prisma.legalHold.count(),
  ]);
  return {
    rows: rows.map((h) => ({
      recordId: h.recordId,
      callRecordId: h.record.callRecordId,
      reason: h.reason,
      setByEmail: h.setByEmail,
      setAt: h.setAt,
    })),
    total,
  };
}
