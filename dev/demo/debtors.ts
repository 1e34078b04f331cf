import type { DemoIntentGroupKey } from "./intents";
import type { DemoJob } from "./jobs";
import { chineseName, fakeMobile } from "./people";
import { logNormalBetween, mixSeed, mulberry32, randInt } from "./prng";
import { gmt8DayStart, gmt8Year } from "./wire-time";

/**
 * One debtor on a job's list. Derived from (seed, job, index) alone, so a
 * debtor called three times has the same name, number and case on every call
 * without the generator keeping a list in memory (it also serves a benchmark
 * of millions of records).
 */
export interface DemoDebtor {
  name: string;
  phone: string;
  /** The `properties` custom fields, serialised as the wire carries them. */
  properties: string;
}

// The case-type word of a case number: 民诉前调 pre-litigation mediation, 民初 first instance, 执 enforcement.
const CASE_KIND: Record<DemoIntentGroupKey, string> = {
  debt: "民诉前调",
  mediation: "民诉前调",
  litigation: "民初",
  repayment: "执",
};

const OVERDUE_DAYS: Record<DemoIntentGroupKey, readonly [number, number]> = {
  debt: [15, 120],
  mediation: [90, 540],
  litigation: [180, 900],
  repayment: [30, 400],
};

export function demoDebtor(seed: number, jobIndex: number, job: DemoJob, index: number): DemoDebtor {
  const rng = mulberry32(mixSeed(seed, 3, jobIndex, index));
  const name = chineseName(rng);
  const phone = fakeMobile(rng);
  const [minOverdue, maxOverdue] = OVERDUE_DAYS[job.group];
  const year = gmt8Year(gmt8DayStart(job.firstDay));
  const properties: Record<string, string | number> = {
    // e.g. (2026)京0105民初12345号; half-width parentheses, as most vendors type them
    case_no: `(${year})${job.court.code}${CASE_KIND[job.group]}${randInt(rng, 1000, 39999)}号`,
    creditor: job.creditor.name,
    product: job.creditor.product,
    debt_amount: Math.round(logNormalBetween(rng, job.creditor.medianDebt, 0.8, 300, 800_000) * 100) / 100,
    overdue_days: randInt(rng, minOverdue, maxOverdue),
  };
  if (job.group === "mediation" || job.group === "debt") properties.mediation_center = job.organisation.name;
  if (job.group === "mediation" || job.group === "litigation") properties.court = job.court.name;
  return { name, phone, properties: JSON.stringify(properties) };
}
