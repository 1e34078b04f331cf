import "server-only";
import { recordAudit } from "../audit/mutations";
import { inTransaction, Prisma, prisma } from "../db/client";
import { compileRules, type CompiledRule } from "../transcripts/phrase-check";
import { enabledPhraseRules } from "../transcripts/data";
import { recheckPhrases } from "../transcripts/phrase-recheck";
import { checkRecords, complianceSettings, type ComplianceSettings } from "./checks";
import { runFollowupChunk } from "./followups";

/**
 * Rechecks of stored records after the checks' settings changed (every
 * record), a job's calling window did (that job's records) or a phrase rule
 * did (every stored transcript). Queued as rows of compliance_rechecks and
 * run by the worker chunk by chunk in id order, each chunk in its own
 * transaction, so writers never wait long and a stopped worker resumes at
 * the chunk it was on. A recheck's scope says what it reruns: `checks` (hours,
 * frequency, anomaly), `phrases` (the phrase rules over stored transcripts) or
 * `all`.
 */

export const RECHECK_CHUNK = 2_000;

export const RECHECK_SCOPES = ["all", "checks", "phrases"] as const;
export type RecheckScope = (typeof RECHECK_SCOPES)[number];

/** Queues a recheck of one job's records (null: every record). */
export async function queueRecheck(
  robotCallJobId: bigint | null,
  reason: string,
  scope: RecheckScope = "all",
): Promise<void> {
  await prisma.complianceRecheck.create({ data: { robotCallJobId, reason, scope } });
}

/**
 * Queues a recheck of the phrase rules over every stored transcript, unless
 * one that has not started yet is queued (it will read the rules as they are
 * when it runs). One already under way read older rules for the records it
 * passed, so a new one is queued behind it. Returns whether one was queued.
 */
export async function queuePhraseRecheck(reason: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('compliance_phrase_recheck'))`;
    const waiting = await tx.complianceRecheck.findFirst({
      where: { robotCallJobId: null, scope: { in: ["all", "phrases"] }, afterId: 0 },
      select: { id: true },
    });
    if (waiting) return false;
    await tx.complianceRecheck.create({ data: { robotCallJobId: null, reason, scope: "phrases" } });
    return true;
  });
}

/**
 * The recheck of `npm run compliance:recheck`: the one a stopped run left
 * queued, which resumes at its chunk, else a new one of every record. A stopped
 * run's recheck may be of scope `phrases` (its settings had changed, so the
 * checks were queued apart): it is resumed all the same, else every record
 * would be rechecked again from the first. Changed settings (`settingsQueued`)
 * queued the checks already, so a new one then reruns only the phrase rules.
 */
export async function queueCommandRecheck(settingsQueued: boolean): Promise<{ resumed: boolean }> {
  const stopped = await prisma.complianceRecheck.findFirst({
    where: { robotCallJobId: null, scope: { in: ["all", "phrases"] }, reason: "command" },
    select: { id: true },
  });
  if (stopped) return { resumed: true };
  const scope = settingsQueued ? "phrases" : "all";
  await queueRecheck(null, "command", scope);
  // The trail keeps when it was queued: /admin/phrase-rules reads it to know the rules' change is covered.
  await recordAudit({ actor: null, action: "compliance.recheck", target: "phrase_rules", details: { scope } });
  return { resumed: false };
}

/**
 * Stores the settings the flags are checked with and queues a recheck of
 * every record when they differ from the stored ones. Run at the worker's
 * start (the web app checks new calls with the same settings).
 */
export async function ensureComplianceSettings(
  s: ComplianceSettings = complianceSettings(),
): Promise<{ queued: boolean }> {
  const settings = { ...s } as unknown as Prisma.InputJsonObject;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('compliance_settings'))`;
    const stored = await tx.complianceSettings.findUnique({ where: { id: 1 } });
    if (stored && sameSettings(stored.settings, s)) return { queued: false };
    await tx.complianceSettings.upsert({
      where: { id: 1 },
      create: { id: 1, settings },
      update: { settings, updatedAt: new Date() },
    });
    // The first start of a new database has nothing stored to recheck.
    const any = await tx.callRecord.findFirst({ select: { id: true } });
    if (!any) return { queued: false };
    // The settings do not change what a phrase rule finds.
    await tx.complianceRecheck.create({ data: { robotCallJobId: null, reason: "settings", scope: "checks" } });
    return { queued: true };
  });
}

function sameSettings(stored: unknown, s: ComplianceSettings): boolean {
  if (typeof stored !== "object" || stored === null) return false;
  const o = stored as Record<string, unknown>;
  return (Object.keys(s) as (keyof ComplianceSettings)[]).every((k) => o[k] === s[k]);
}

/**
 * Runs one chunk of the oldest queued recheck (of `onlyJob` when given);
 * returns the records checked (0: nothing queued). The enabled phrase rules
 * are read when the chunk reruns them, so each chunk uses the rules as they
 * are then.
 */
export async function runRecheckChunk(
  s: ComplianceSettings = complianceSettings(),
  chunk = RECHECK_CHUNK,
  onlyJob?: bigint,
  phraseRules: () => Promise<CompiledRule[]> = async () => compileRules(await enabledPhraseRules()),
): Promise<number> {
  const which = onlyJob === undefined ? Prisma.empty : Prisma.sql`WHERE robot_call_job_id = ${onlyJob}`;
  return inTransaction(async (rows) => {
    const [job] = await rows<{ id: bigint; robot_call_job_id: bigint | null; after_id: bigint; scope: RecheckScope }>(
      Prisma.sql`
      SELECT id, robot_call_job_id, after_id, scope FROM compliance_rechecks ${which} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    if (!job) return 0;
    const ofJob =
      job.robot_call_job_id === null ? Prisma.empty : Prisma.sql`AND robot_call_job_id = ${job.robot_call_job_id}`;
    const [range] = await rows<{ last: bigint | null; n: number }>(Prisma.sql`
      SELECT max(id) AS last, count(*)::int AS n FROM (
        SELECT id FROM call_records WHERE id > ${job.after_id} ${ofJob} ORDER BY id LIMIT ${chunk}) c`);
    if (!range?.last) {
      await rows(Prisma.sql`DELETE FROM compliance_rechecks WHERE id = ${job.id}`);
      return 0;
    }
    if (job.scope !== "phrases")
      await checkRecords(
        rows,
        Prisma.sql`SELECT id FROM call_records WHERE id > ${job.after_id} AND id <= ${range.last} ${ofJob}`,
        s,
      );
    if (job.scope !== "checks")
      await recheckPhrases(
        rows,
        { afterId: job.after_id, lastId: range.last, jobId: job.robot_call_job_id },
        await phraseRules(),
      );
    if (range.n < chunk) await rows(Prisma.sql`DELETE FROM compliance_rechecks WHERE id = ${job.id}`);
    else await rows(Prisma.sql`UPDATE compliance_rechecks SET after_id = ${range.last} WHERE id = ${job.id}`);
    return range.n;
  });
}

/** Runs every queued recheck to the end; `progress` hears the running total. */
export async function runRechecks(progress?: (checked: number) => void): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await runRecheckChunk();
    if (n === 0) {
      if (!(await prisma.complianceRecheck.findFirst({ select: { id: true } }))) return total;
      // Another process holds the queued recheck: wait for it rather than spin.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    total += n;
    progress?.(total);
  }
}

/**
 * The worker's loop: the ingests' followups first (they keep fresh calls'
 * flags right), then the queued rechecks, chunk by chunk while either has
 * work, then a look every `intervalMs`.
 */
export function startRechecker(opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): {
  stop(): Promise<void>;
} {
  const intervalMs = opts.intervalMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = async () => {
    try {
      while (!stopped && ((await runFollowupChunk()) > 0 || (await runRecheckChunk()) > 0));
    } catch (err) {
      opts.onError?.(err);
    }
    if (!stopped) timer = setTimeout(() => (running = round()), intervalMs);
    timer?.unref?.();
  };
  running = round();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
