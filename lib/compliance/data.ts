import "server-only";
import { Prisma, prisma } from "../db/client";
import { rollupSource } from "../call-records/rollups";
import { COMPLIANCE_BIT, COMPLIANCE_KINDS, complianceMask } from "./flags";
import type { ComplianceFilter } from "./filter";

export interface FindingView {
  id: string;
  kind: string;
  code: string;
  detail: Record<string, unknown>;
}

/** A record's findings, in kind order then as found. */
export async function recordFindings(recordId: bigint): Promise<FindingView[]> {
  const rows = await prisma.complianceFinding.findMany({
    where: { recordId },
    orderBy: [{ kind: "asc" }, { id: "asc" }],
  });
  return rows.map((f) => ({
    id: f.id.toString(),
    kind: f.kind,
    code: f.code,
    detail:
      typeof f.detail === "object" && f.detail !== null && !Array.isArray(f.detail)
        ? (f.detail as Record<string, unknown>)
        : {},
  }));
}

/** Calls per compliance kind and with any flag (a call with two kinds counts under each, once under `any`). */
export type ComplianceCounts = Record<ComplianceFilter, number>;

/**
 * Flagged calls of one job, or of all jobs, from the all-time rollups plus
 * their pending deltas (exact at any moment, no scan of call_records). Each
 * rollup row is spread over the kinds its bits hold, and once more under
 * `any` (the mask of every kind), so a call never counts twice there.
 */
export async function complianceCounts(jobId?: bigint): Promise<ComplianceCounts> {
  const kinds = Prisma.sql`(VALUES ${Prisma.join(
    [...COMPLIANCE_KINDS, "any" as const].map(
      (k) => Prisma.sql`(${k}::text, ${k === "any" ? complianceMask(COMPLIANCE_KINDS) : COMPLIANCE_BIT[k]}::int)`,
    ),
  )})`;
  const job = jobId === undefined ? Prisma.empty : Prisma.sql`AND robot_call_job_id = ${jobId}`;
  const rows = await prisma.$queryRaw<{ kind: ComplianceFilter; n: bigint }[]>(Prisma.sql`
    SELECT b.kind, sum(r.records)::bigint AS n
    FROM ${rollupSource(false, jobId !== undefined)} r CROSS JOIN ${kinds} AS b(kind, bit)
    WHERE r.compliance_flags <> 0 AND (r.compliance_flags & b.bit) <> 0 ${job}
    GROUP BY b.kind`);
  const counts: ComplianceCounts = { hours: 0, frequency: 0, anomaly: 0, phrase: 0, any: 0 };
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
}

/** The queued rechecks of every record that rerun the phrase rules, oldest first (for /admin/phrase-rules). */
export async function pendingPhraseRechecks(): Promise<{ queuedAt: Date; started: boolean }[]> {
  const rows = await prisma.complianceRecheck.findMany({
    where: { robotCallJobId: null, scope: { in: ["all", "phrases"] } },
    orderBy: { id: "asc" },
    select: { createdAt: true, afterId: true },
  });
  return rows.map((r) => ({ queuedAt: r.createdAt, started: r.afterId > 0n }));
}

/** The audit actions of a phrase rule change (lib/transcripts/actions.ts). */
export const PHRASE_RULE_CHANGES = [
  "phrase_rule.create",
  "phrase_rule.update",
  "phrase_rule.enable",
  "phrase_rule.disable",
  "phrase_rule.delete",
] as const;
/** The audit actions of a recheck of every stored transcript being queued: the admin's button, the command. */
export const PHRASE_RECHECK_QUEUED = ["phrase_rule.recheck", "compliance.recheck"] as const;

/**
 * When the phrase rules last changed, if no recheck of the stored transcripts
 * covers that change yet (null: they are rechecked, or nothing changed). Read
 * from what is stored, so /admin/phrase-rules says it on every visit until a
 * recheck is queued: a change is covered by a recheck queued after it (the
 * trail keeps when, even once it finished and its row is gone) or by one
 * waiting that has not started (it reads the rules when it runs). One under
 * way since before the change ran part of the records with the older rules.
 */
export async function phraseRulesUncheckedSince(): Promise<Date | null> {
  const [row] = await prisma.$queryRaw<{ changed_at: Date }[]>(Prisma.sql`
    WITH change AS (
      SELECT max(at) AS at FROM audit_events WHERE action IN (${Prisma.join(PHRASE_RULE_CHANGES)})
    ), queued AS (
      SELECT max(at) AS at FROM audit_events WHERE action IN (${Prisma.join(PHRASE_RECHECK_QUEUED)})
    ), pending AS (
      SELECT coalesce(bool_or(after_id = 0), false) AS waiting, max(created_at) AS at FROM compliance_rechecks
      WHERE robot_call_job_id IS NULL AND scope IN ('all', 'phrases')
    )
    SELECT change.at AS changed_at FROM change, queued, pending
    WHERE change.at IS NOT NULL AND NOT pending.waiting
      AND change.at > coalesce(greatest(queued.at, pending.at), '-infinity'::timestamptz)`);
  return row?.changed_at ?? null;
}

/** When a recheck of every stored transcript was last queued (the audit trail keeps it after its row is gone). */
export async function lastPhraseRecheckQueuedAt(): Promise<Date | null> {
  const [row] = await prisma.$queryRaw<{ at: Date | null }[]>(Prisma.sql`
    SELECT max(at) AS at FROM audit_events WHERE action IN (${Prisma.join(PHRASE_RECHECK_QUEUED)})`);
  return row?.at ?? null;
}
