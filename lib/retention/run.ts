import "server-only";
import { recordAudit } from "../audit/mutations";
import { Prisma, prisma } from "../db/client";
import {
  addCounts,
  noCounts,
  START,
  type ChunkContext,
  type ChunkResult,
  type ClassCounts,
  type ClassCursor,
} from "./chunk";
import { auditChunk, recordingsChunk } from "./file-classes";
import { CLASSES, cutoffs, type RetentionClass, type RetentionPolicy } from "./policy";
import { attemptParamsChunk, personalDataChunk } from "./record-classes";

/**
 * A retention run: every class in turn, chunk by chunk, each chunk in its own
 * short transaction that also moves the run's cursor (so a run that stops is
 * resumed exactly where its last chunk committed). The cutoffs are fixed when
 * the run starts and kept with it: a resumed run removes what the run meant to.
 */

export interface RunDeps {
  salt: string;
  archiveDir: string;
  /** Who is working (a process id); another takes a run over when its heartbeat is older than LEASE_MS. */
  owner: string;
  /** Rows per chunk. */
  limit?: number;
  now?: () => Date;
  /** Checked between chunks: true lets the run go (owner cleared) for the next tick or another process to resume. */
  stopping?: () => boolean;
}

export const LEASE_MS = 120_000;
const CHUNK = 500;

interface StoredPolicy {
  periods: RetentionPolicy;
  cutoffs: Record<RetentionClass, string | null>;
}

export type RunCounts = Partial<Record<RetentionClass, ClassCounts>>;

/** Starts a run for `day` (yyyy-MM-dd); a second daily run for a day is not started (null). */
export async function startRun(opts: {
  day: string;
  kind: "daily" | "manual";
  policy: RetentionPolicy;
  now: Date;
  triggeredBy?: string | null;
}): Promise<bigint | null> {
  const cut = cutoffs(opts.policy, opts.now);
  const policy: StoredPolicy = {
    periods: opts.policy,
    cutoffs: Object.fromEntries(CLASSES.map((c) => [c, cut[c]?.toISOString() ?? null])) as StoredPolicy["cutoffs"],
  };
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    INSERT INTO retention_runs (day, kind, policy, triggered_by, started_at, heartbeat_at)
    VALUES (${opts.day}::date, ${opts.kind}, ${JSON.stringify(policy)}::jsonb, ${opts.triggeredBy ?? null}, ${opts.now}, ${opts.now})
    ON CONFLICT (day) WHERE kind = 'daily' DO NOTHING RETURNING id`;
  return rows[0]?.id ?? null;
}

/** Takes the run if nobody works on it (or its worker went quiet); false when another process has it. */
async function claim(runId: bigint, owner: string, now: Date): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE retention_runs SET owner = ${owner}, heartbeat_at = ${now}
    WHERE id = ${runId} AND state = 'running'
      AND (owner IS NULL OR owner = ${owner} OR heartbeat_at < ${new Date(now.getTime() - LEASE_MS)})`;
  return n === 1;
}

function chunkOf(
  cls: RetentionClass,
  tx: Prisma.TransactionClient,
  ctx: ChunkContext,
  deps: RunDeps,
): Promise<ChunkResult> {
  switch (cls) {
    case "personal_data":
      return personalDataChunk(tx, { ...ctx, salt: deps.salt });
    case "attempt_params":
      return attemptParamsChunk(tx, ctx);
    case "recordings":
      return recordingsChunk(tx, { ...ctx, archiveDir: deps.archiveDir });
    case "audit":
      return auditChunk(tx, ctx);
  }
}

/** Works a run to its end. Returns its counts, or null when another process holds it. */
export async function workRun(runId: bigint, deps: RunDeps): Promise<RunCounts | null> {
  const now = deps.now ?? (() => new Date());
  if (!(await claim(runId, deps.owner, now()))) return null;
  const run = await prisma.retentionRun.findUniqueOrThrow({ where: { id: runId } });
  const policy = run.policy as unknown as StoredPolicy;
  const cursors = run.cursor as unknown as Partial<Record<RetentionClass, ClassCursor>>;
  const counts = run.counts as unknown as RunCounts;
  try {
    // Records' personal data and attempts first, then the files, then the trail (which the run itself writes to last).
    for (const cls of ["personal_data", "attempt_params", "recordings", "audit"] as const) {
      const cutoff = policy.cutoffs[cls];
      if (!cutoff) continue;
      while (!cursors[cls]?.done) {
        if (deps.stopping?.()) {
          await prisma.retentionRun.updateMany({ where: { id: runId, owner: deps.owner }, data: { owner: null } });
          return null;
        }
        await prisma.$transaction(
          async (tx) => {
            const result = await chunkOf(
              cls,
              tx,
              { cutoff: new Date(cutoff), cursor: cursors[cls] ?? START, limit: deps.limit ?? CHUNK, now: now() },
              deps,
            );
            cursors[cls] = result.cursor;
            counts[cls] = addCounts(counts[cls] ?? noCounts(), result.counts);
            const moved = await tx.$executeRaw`
              UPDATE retention_runs SET cursor = ${JSON.stringify(cursors)}::jsonb, counts = ${JSON.stringify(counts)}::jsonb,
                heartbeat_at = ${now()}
              WHERE id = ${runId} AND owner = ${deps.owner} AND state = 'running'`;
            // Another process took the run over (this one stalled past the lease): its chunk must not count twice.
            if (moved !== 1) throw new Error("retention run taken over by another process");
          },
          { timeout: 120_000 },
        );
      }
    }
  } catch (err) {
    await prisma.retentionRun.updateMany({
      where: { id: runId, owner: deps.owner },
      data: { owner: null, error: (err as Error).message.slice(0, 1000) },
    });
    throw err;
  }
  await prisma.retentionRun.update({
    where: { id: runId },
    data: { state: "done", finishedAt: now(), owner: null, error: null },
  });
  await recordAudit({
    actor: run.triggeredBy ? { id: null, email: run.triggeredBy } : null,
    action: "retention.run",
    target: `retention_run:${runId}`,
    details: { address: null, day: run.day.toISOString().slice(0, 10), kind: run.kind, policy, counts },
  });
  return counts;
}
