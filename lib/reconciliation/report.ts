import "server-only";
import { overdueCounts, stateCounts } from "./data";
import { findGaps } from "./gaps";
import type { ReconciliationQuery } from "./schema";
import { getEnv, type Env } from "../env";

/** The counts of the report, named as in the API. */
export const COUNTS = [
  "received",
  "not_submitted",
  "queued",
  "in_flight",
  "accepted",
  "rejected",
  "failed",
  "overdue",
] as const;
export type CountName = (typeof COUNTS)[number];
export type Counts = Record<CountName, number>;

export interface ReconciliationRow extends Counts {
  day: string;
  jobId: string;
}

export interface ReconciliationReport {
  from: string;
  to: string;
  job: string[];
  /** Records received before this instant and not accepted are overdue (now − RECONCILE_OVERDUE_HOURS). */
  overdueBefore: string;
  overdueHours: number;
  rows: ReconciliationRow[];
  totals: Counts;
  /** Silences longer than gapMinutes inside calling hours between two calls of a job's day (gaps.ts), newest day first. */
  gapMinutes: number;
  /** COMPLIANCE_CALLING_HOURS: only silences inside these hours are gaps. */
  callingHours: string;
  gaps: ReconciliationGap[];
}

export interface ReconciliationGap {
  day: string;
  jobId: string;
  from: string;
  to: string;
  minutes: number;
}

/**
 * The submission states a count covers, as /calls `submission` values, so a
 * link lists exactly the counted records. `queued` includes `retrying`
 * (waiting for its next attempt); `received` is every state.
 */
export const COUNT_STATES: Record<Exclude<CountName, "received" | "overdue">, readonly string[]> = {
  not_submitted: ["not_submitted"],
  queued: ["queued", "retrying"],
  in_flight: ["in_flight"],
  accepted: ["accepted"],
  rejected: ["rejected"],
  failed: ["failed"],
};
/** `overdue`: every state but accepted, received before the cutoff. */
export const OVERDUE_STATES = ["not_submitted", "queued", "in_flight", "rejected", "retrying", "failed"] as const;

const zero = (): Counts => ({
  received: 0,
  not_submitted: 0,
  queued: 0,
  in_flight: 0,
  accepted: 0,
  rejected: 0,
  failed: 0,
  overdue: 0,
});

/**
 * The report as the settings configure it: the page, its CSV and XLSX
 * exports and the API all read it through here, so that none of them counts
 * with other settings.
 */
export function configuredReport(
  q: ReconciliationQuery,
  env: Pick<
    Env,
    "DISPLAY_TIME_ZONE" | "RECONCILE_OVERDUE_HOURS" | "RECONCILE_GAP_MINUTES" | "COMPLIANCE_CALLING_HOURS"
  > = getEnv(),
  now = new Date(),
): Promise<ReconciliationReport> {
  return reconciliationReport(q, env.DISPLAY_TIME_ZONE, env.RECONCILE_OVERDUE_HOURS, now, {
    minutes: env.RECONCILE_GAP_MINUTES,
    callingHours: env.COMPLIANCE_CALLING_HOURS,
  });
}

/** Per call day and job, newest day first, then by job; with totals. */
export async function reconciliationReport(
  q: ReconciliationQuery,
  timeZone: string,
  overdueHours: number,
  now: Date,
  gapSettings: { minutes: number; callingHours: string },
): Promise<ReconciliationReport> {
  const overdueBefore = new Date(now.getTime() - overdueHours * 3_600_000);
  const [states, overdue] = await Promise.all([stateCounts(q, timeZone), overdueCounts(q, timeZone, overdueBefore)]);
  const rows = new Map<string, ReconciliationRow>();
  const row = (day: string, jobId: bigint) => {
    const key = `${day}|${jobId}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { day, jobId: jobId.toString(), ...zero() }));
    return r;
  };
  for (const s of states) {
    const r = row(s.day, s.jobId);
    r.received += s.records;
    const name = (Object.keys(COUNT_STATES) as (keyof typeof COUNT_STATES)[]).find((k) =>
      COUNT_STATES[k].includes(s.state),
    );
    if (name) r[name] += s.records;
  }
  for (const o of overdue) row(o.day, o.jobId).overdue += o.records;
  const sorted = [...rows.values()].sort((a, b) =>
    a.day !== b.day ? (a.day < b.day ? 1 : -1) : BigInt(a.jobId) < BigInt(b.jobId) ? -1 : 1,
  );
  const totals = zero();
  for (const r of sorted) for (const c of COUNTS) totals[c] += r[c];
  const gaps = await findGaps(
    sorted.map((r) => ({ day: r.day, jobId: BigInt(r.jobId) })),
    timeZone,
    gapSettings.minutes,
    gapSettings.callingHours,
  );
  return {
    from: q.from,
    to: q.to,
    job: q.job.map(String),
    overdueBefore: overdueBefore.toISOString(),
    overdueHours,
    rows: sorted,
    totals,
    gapMinutes: gapSettings.minutes,
    callingHours: gapSettings.callingHours,
    gaps: gaps.map((g) => ({
      day: g.day,
      jobId: g.jobId.toString(),
      from: g.from.toISOString(),
      to: g.to.toISOString(),
      minutes: g.minutes,
    })),
  };
}

/** The /calls query string listing exactly the records of one count (a row's day and job, or the totals' range and jobs). */
export function callsLink(
  count: CountName,
  scope: { from: string; to: string; job: readonly string[] },
  overdueBefore: string,
): string {
  const p = new URLSearchParams();
  for (const j of scope.job) p.append("job", j);
  p.set("from", scope.from);
  p.set("to", scope.to);
  const states = count === "received" ? [] : count === "overdue" ? OVERDUE_STATES : COUNT_STATES[count];
  for (const s of states) p.append("submission", s);
  if (count === "overdue") p.set("receivedBefore", overdueBefore);
  return `/calls?${p.toString()}`;
}

/** The report as CSV lines (header first), cells through the one CSV writer. */
export function reconciliationCsv(report: ReconciliationReport, cell: (v: unknown) => string): string {
  const lines = [["day", "job", ...COUNTS].map(cell).join(",")];
  for (const r of report.rows) lines.push([r.day, r.jobId, ...COUNTS.map((c) => r[c])].map(cell).join(","));
  lines.push(["total", "", ...COUNTS.map((c) => report.totals[c])].map(cell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
