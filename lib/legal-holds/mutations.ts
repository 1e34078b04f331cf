import "server-only";
import { ActionError } from "../actions/wrapper";
import { recordAudit } from "../audit/mutations";
import { Prisma, prisma } from "../db/client";
import { callFiltersWhere } from "../call-records/query/where";
import { parseCallFilters } from "../call-records/query/filters";
import { MAX_HOLDS_PER_FILTER } from "./schema";

/**
 * Legal holds: while one lasts, retention leaves the record whole (its
 * values, its recording, its attempts). Setting and removing are audited with
 * the reason; the hold row keeps who set it and why for /legal-holds.
 */

interface Actor {
  id: bigint;
  email: string;
}

async function recordIdOf(callRecordId: string): Promise<bigint> {
  const r = await prisma.callRecord.findUnique({ where: { callRecordId: BigInt(callRecordId) }, select: { id: true } });
  if (!r) throw new ActionError("not_found", `No call record ${callRecordId}.`);
  return r.id;
}

export async function setLegalHold(
  input: { callRecordId: string; reason: string },
  actor: Actor,
): Promise<{ created: boolean }> {
  const recordId = await recordIdOf(input.callRecordId);
  const rows = await prisma.$queryRaw<{ record_id: bigint }[]>`
    INSERT INTO legal_holds (record_id, reason, set_by_id, set_by_email)
    VALUES (${recordId}, ${input.reason}, ${actor.id}, ${actor.email})
    ON CONFLICT (record_id) DO NOTHING RETURNING record_id`;
  const created = rows.length === 1;
  if (!created)
    throw new ActionError("already_held", `Call record ${input.callRecordId} is already under a legal hold.`);
  await auditRecordHold(actor, "legal_hold.set", input);
  return { created };
}

export async function removeLegalHold(input: { callRecordId: string; reason: string }, actor: Actor): Promise<void> {
  const recordId = await recordIdOf(input.callRecordId);
  const removed = await prisma.legalHold.deleteMany({ where: { recordId } });
  if (removed.count === 0)
    throw new ActionError("not_held", `Call record ${input.callRecordId} is not under a legal hold.`);
  await auditRecordHold(actor, "legal_hold.removed", input);
}

/**
 * Holds every record a /calls link lists (through the one WHERE builder), in
 * one statement; records already held keep their hold. Refused when the link
 * has invalid parameters or matches more than MAX_HOLDS_PER_FILTER records.
 */
export async function setLegalHoldsByFilter(
  input: { query: string; reason: string },
  actor: Actor,
  timeZone: string,
): Promise<{ matched: number; held: number }> {
  const { filters, errors } = parseCallFilters(new URLSearchParams(input.query));
  if (errors.length)
    throw new ActionError(
      "invalid_filter",
      `The filter is invalid: ${errors.map((e) => `${e.param} ${e.message}`).join("; ")}`,
    );
  const where = callFiltersWhere(filters, timeZone);
  if (where === Prisma.empty)
    throw new ActionError("no_filter", "Choose a filter first: a hold on every record is not a hold.");
  const [{ n }] = await prisma.$queryRaw<[{ n: bigint }]>(
    Prisma.sql`SELECT count(*)::bigint AS n FROM (SELECT 1 FROM call_records ${where} LIMIT ${MAX_HOLDS_PER_FILTER + 1}) m`,
  );
  if (Number(n) > MAX_HOLDS_PER_FILTER)
    throw new ActionError("too_many", `The filter matches more than ${MAX_HOLDS_PER_FILTER} records: narrow it.`);
  const held = await prisma.$executeRaw(Prisma.sql`
    INSERT INTO legal_holds (record_id, reason, set_by_id, set_by_email)
    SELECT id, ${input.reason}, ${actor.id}, ${actor.email} FROM call_records ${where}
    ON CONFLICT (record_id) DO NOTHING`);
  await recordAudit({
    actor,
    action: "legal_hold.set_filter",
    target: `calls?${input.query}`,
    details: { reason: input.reason, matched: Number(n), held },
  });
  return { matched: Number(n), held };
}

/** One record's hold set or lifted, on the audit trail with its reason. */
function auditRecordHold(actor: Actor, action: string, input: { callRecordId: string; reason: string }) {
  return recordAudit({ actor, action, target: `call:${input.callRecordId}`, details: { reason: input.reason } });
}
