import "server-only";
import { z } from "zod";
import { Prisma, prisma } from "../db/client";
import { maskText, maskTopParams } from "../privacy/redact";
import { LOCAL_RULES } from "./local-rules";
import { effectiveStatus } from "../approvals/status";
import { measuredRate, RATE_WINDOW_SECONDS } from "./measured-rate";
import { eligibleRecords } from "./mutations";
import { selectionCondition, type Selection } from "./selection";
// How far back the rate looks: long enough to smooth bursts, short enough to follow a change of pace.

export { measuredRate } from "./measured-rate";
export { lastOutcomes, type LastOutcome } from "./last-outcomes";

export interface PreSubmitCheck {
  matching: number;
  sendable: number;
  /** `code`: `in_flight`, `accepted` or `rule_<local rule code>`, for the UI to say `reason` in its language. */
  blocked: { code: string; reason: string; count: number }[];
  /** At the configured rate, not counting retries. */
  estimatedSeconds: number;
  /** Accepted records among those matching that are not in flight: what "send again" would add. */
  accepted: number;
  /** Records to be sent that carry a reviewer's corrected intent: the corrected value is what is sent. */
  correctedIntent: number;
}

/** What a batch over this selection would send, and what it would skip and why. One query. */
export async function preSubmitCheck(
  selection: Selection,
  opts: { resendAccepted: boolean; onlyFailures?: boolean; maxQps: number; timeZone: string },
): Promise<PreSubmitCheck> {
  const condition = selectionCondition(selection, opts.timeZone);
  const rules = LOCAL_RULES.map(
    (r) => Prisma.sql`count(*) FILTER (WHERE ${r.violated}) AS ${Prisma.raw(`"rule_${r.code}"`)}`,
  );
  const failures = opts.onlyFailures ? Prisma.sql`AND r.submission_state IN ('rejected', 'failed')` : Prisma.empty;
  const [row] = await prisma.$queryRaw<Record<string, bigint>[]>(Prisma.sql`
    SELECT count(*) AS matching,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM submission_jobs a WHERE a.record_id = r.id AND a.state IN ('queued', 'in_flight', 'retrying'))) AS in_flight,
           count(*) FILTER (WHERE r.submission_state = 'accepted') AS accepted,
           count(*) FILTER (WHERE r.submission_state = 'accepted' AND ${eligibleRecords(selection, { resendAccepted: true, onlyFailures: false, timeZone: opts.timeZone })}) AS resendable,
           count(*) FILTER (WHERE ${eligibleRecords(selection, { resendAccepted: opts.resendAccepted, onlyFailures: false, timeZone: opts.timeZone })}) AS sendable,
           count(*) FILTER (WHERE r.corrected_intent_tag_id IS NOT NULL AND ${eligibleRecords(selection, { resendAccepted: opts.resendAccepted, onlyFailures: false, timeZone: opts.timeZone })}) AS corrected,
           ${Prisma.join(rules)}
    FROM call_records r
    WHERE ${condition} ${failures}`);
  const n = (k: string) => Number(row?.[k] ?? 0);
  const blocked = [
    { code: "in_flight", reason: "already in flight in another batch", count: n("in_flight") },
    ...(opts.resendAccepted
      ? []
      : [{ code: "accepted", reason: "already accepted (choose “send again” to resend)", count: n("accepted") }]),
    ...LOCAL_RULES.map((r) => ({
      code: `rule_${r.code}`,
      reason: `fails TOP's field rules: ${r.message}`,
      count: n(`rule_${r.code}`),
    })),
  ].filter((b) => b.count > 0);
  return {
    matching: n("matching"),
    sendable: n("sendable"),
    blocked,
    estimatedSeconds: Math.ceil(n("sendable") / opts.maxQps),
    accepted: n("resendable"),
    correctedIntent: n("corrected"),
  };
}

export interface BatchProgress {
  id: bigint;
  kind: string;
  status: string;
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
  pausedReason: string | null;
  selection: unknown;
  resendAccepted: boolean;
  total: number;
  counts: {
    queued: number;
    in_flight: number;
    retrying: number;
    accepted: number;
    rejected: number;
    failed: number;
    cancelled: number;
  };
  /**
   * Answers per second over the recent window (RATE_WINDOW_SECONDS, or since
   * the batch's first send when that is shorter); null while there is not
   * enough of it to say (`estimating`) or when nothing was answered lately.
   */
  throughput: number | null;
  /** True while a running batch has sent too little for a rate worth showing. */
  estimating: boolean;
  etaSeconds: number | null;
}

const EMPTY_COUNTS = { queued: 0, in_flight: 0, retrying: 0, accepted: 0, rejected: 0, failed: 0, cancelled: 0 };

/** A batch as read: its progress's own fields, and what the counts are made from. */
type BatchRow = Omit<BatchProgress, "counts" | "throughput" | "estimating" | "etaSeconds"> & {
  materialized: boolean;
  finalCounts: unknown;
  approval: { expiresAt: Date; decidedAt: Date | null; decision: string | null } | null;
};

/** Jobs by state as kept when the batch was done (migration 20261204120000_batch_final_counts). */
const finalCountsSchema = z.partialRecord(
  z.enum(Object.keys(EMPTY_COUNTS) as [keyof typeof EMPTY_COUNTS]),
  z.number().int().nonnegative(),
);

async function progressOf(batches: BatchRow[]): Promise<BatchProgress[]> {
  if (!batches.length) return [];
  const kept = new Map<bigint, Partial<typeof EMPTY_COUNTS>>();
  for (const b of batches) {
    const parsed = b.status === "done" ? finalCountsSchema.safeParse(b.finalCounts) : null;
    if (parsed?.success) kept.set(b.id, parsed.data);
  }
  // Finished batches keep their counts; only the others' jobs are counted.
  const live = batches.filter((b) => !kept.has(b.id)).map((b) => b.id);
  const ids = batches.map((b) => b.id);
  const [counts, rates] = await Promise.all([
    live.length
      ? prisma.$queryRaw<{ batch_id: bigint; state: keyof typeof EMPTY_COUNTS; n: bigint }[]>(Prisma.sql`
          SELECT batch_id, state::text AS state, count(*) AS n FROM submission_jobs WHERE batch_id IN (${Prisma.join(live)}) GROUP BY 1, 2`)
      : [],
    prisma.$queryRaw<{ batch_id: bigint; n: bigint; seconds: number }[]>(Prisma.sql`
      SELECT batch_id, count(*) AS n,
             -- The window starts at its edge, or at the first send in it when the batch began inside it.
             extract(epoch FROM now() - greatest(min(sent_at), now() - make_interval(secs => ${RATE_WINDOW_SECONDS})))::float8 AS seconds
      FROM submission_attempts
      WHERE batch_id IN (${Prisma.join(ids)}) AND answered_at > now() - make_interval(secs => ${RATE_WINDOW_SECONDS}) GROUP BY 1`),
  ]);
  return batches.map(({ materialized, finalCounts: _final, approval, ...raw }) => {
    const b = { ...raw, status: effectiveStatus(raw.status, approval) };
    // An approved batch starts when it is approved, not when it was requested.
    const startedAt = approval?.decision === "approved" && approval.decidedAt ? approval.decidedAt : b.createdAt;
    const c = { ...EMPTY_COUNTS, ...kept.get(b.id) };
    for (const row of counts) if (row.batch_id === b.id) c[row.state] = Number(row.n);
    // Records the workers have not turned into jobs yet are waiting too.
    if (!materialized && b.status === "running")
      c.queued += Math.max(0, b.total - Object.values(c).reduce((x, y) => x + y, 0));
    const rate = measuredRate(rates.find((r) => r.batch_id === b.id));
    const remaining = c.queued + c.in_flight + c.retrying;
    // A batch younger than the window with no answer yet is starting, not stalled.
    const starting = rate.perSecond === null && Date.now() - startedAt.getTime() < RATE_WINDOW_SECONDS * 1000;
    const estimating = b.status === "running" && remaining > 0 && (rate.estimating || starting);
    return {
      ...b,
      counts: c,
      throughput: rate.perSecond,
      estimating,
      etaSeconds: b.status === "running" && remaining && rate.perSecond ? Math.ceil(remaining / rate.perSecond) : null,
    };
  });
}

const BATCH_FIELDS = {
  id: true,
  kind: true,
  status: true,
  createdBy: true,
  createdAt: true,
  finishedAt: true,
  pausedReason: true,
  selection: true,
  resendAccepted: true,
  total: true,
  materialized: true,
  finalCounts: true,
  approval: { select: { expiresAt: true, decidedAt: true, decision: true } },
} as const;

/**
 * Batches newest first, a page at a time: `before` is the id of the last batch
 * of the previous page (keyset on the primary key, so a page costs the same
 * however many batches rules have made over the years). `only`: those waiting
 * for a second supervisor, however old.
 */
export async function listBatches({
  limit = 50,
  before,
  only,
}: { limit?: number; before?: bigint; only?: "awaiting_approval" } = {}): Promise<BatchProgress[]> {
  const batches = await prisma.submissionBatch.findMany({
    where: { ...(before === undefined ? {} : { id: { lt: before } }), ...(only ? { status: only } : {}) },
    orderBy: { id: "desc" },
    take: limit,
    select: BATCH_FIELDS,
  });
  return progressOf(batches);
}

/** One page of batches and the `before` of the next (older) page, or null on the last. */
export async function batchPage(
  before: bigint | undefined,
  size = 50,
): Promise<{ batches: BatchProgress[]; older: string | null }> {
  const rows = await listBatches({ limit: size + 1, before });
  const batches = rows.slice(0, size);
  return { batches, older: rows.length > size ? String(batches[batches.length - 1]!.id) : null };
}

export async function getBatch(id: bigint): Promise<BatchProgress | null> {
  const batch = await prisma.submissionBatch.findUnique({ where: { id }, select: BATCH_FIELDS });
  return batch ? ((await progressOf([batch]))[0] ?? null) : null;
}

export interface FailureGroup {
  state: "rejected" | "failed";
  code: string | null;
  message: string | null;
  count: number;
  sampleIds: string[];
}

/** Failed records of a batch grouped by what the platform (or the wire) said. */
export async function failureGroups(batchId: bigint): Promise<FailureGroup[]> {
  const rows = await prisma.$queryRaw<
    { state: "rejected" | "failed"; code: string | null; message: string | null; n: bigint; samples: string[] }[]
  >(Prisma.sql`
    SELECT j.state::text AS state, j.last_code AS code, j.last_message AS message, count(*) AS n,
           (array_agg(r.call_record_id::text ORDER BY r.id))[1:5] AS samples
    FROM submission_jobs j JOIN call_records r ON r.id = j.record_id
    WHERE j.batch_id = ${batchId} AND j.state IN ('rejected', 'failed')
    GROUP BY 1, 2, 3
    ORDER BY count(*) DESC, 2 NULLS LAST
    LIMIT 100`);
  return rows.map((r) => ({
    state: r.state,
    code: r.code,
    message: r.message === null ? null : maskText(r.message),
    count: Number(r.n),
    sampleIds: r.samples,
  }));
}

/**
 * Every HTTP call made for one record, newest first, as people may see it:
 * the parameters as sent and the platform's words with the record's number
 * and name masked (and any other number), credentials replaced.
 */
export async function recordAttempts(record: { id: bigint; calledPhoneNumber: string | null; name: string | null }) {
  const known = { phone: record.calledPhoneNumber, name: record.name };
  const text = (v: string | null) => (v === null ? null : maskText(v, known));
  const attempts = await prisma.submissionAttempt.findMany({
    where: { recordId: record.id },
    orderBy: { id: "desc" },
    take: 100,
  });
  return attempts.map((a) => ({
    ...a,
    params: maskTopParams(a.params, known),
    rawAnswer: text(a.rawAnswer),
    resultMessage: text(a.resultMessage),
    errorMsg: text(a.errorMsg),
    errorSubMsg: text(a.errorSubMsg),
    transportError: text(a.transportError),
  }));
}

/** Whether the batch exists (its page answers 404 before it streams, when not). */
export async function batchExists(id: bigint): Promise<boolean> {
  return (await prisma.submissionBatch.count({ where: { id } })) > 0;
}
