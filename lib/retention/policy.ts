import type { Env } from "../env";

/**
 * The retention policy: per data class, how many days its values are kept
 * (or `keep`: never removed), and so the instant before which they are due.
 */

export const CLASSES = ["recordings", "personal_data", "attempt_params", "audit"] as const;
export type RetentionClass = (typeof CLASSES)[number];

export type Period = number | "keep";
export type RetentionPolicy = Record<RetentionClass, Period>;

export function policyFromEnv(
  env: Pick<
    Env,
    | "RETENTION_RECORDINGS_DAYS"
    | "RETENTION_PERSONAL_DATA_DAYS"
    | "RETENTION_ATTEMPT_PARAMS_DAYS"
    | "RETENTION_AUDIT_DAYS"
  >,
): RetentionPolicy {
  return {
    recordings: env.RETENTION_RECORDINGS_DAYS,
    personal_data: env.RETENTION_PERSONAL_DATA_DAYS,
    attempt_params: env.RETENTION_ATTEMPT_PARAMS_DAYS,
    audit: env.RETENTION_AUDIT_DAYS,
  };
}

/** Values older than this are due (null: the class is kept). Whole days of 24 h before `now`. */
export function cutoffOf(period: Period, now: Date): Date | null {
  return period === "keep" ? null : new Date(now.getTime() - period * 86_400_000);
}

export function cutoffs(policy: RetentionPolicy, now: Date): Record<RetentionClass, Date | null> {
  return Object.fromEntries(CLASSES.map((c) => [c, cutoffOf(policy[c], now)])) as Record<RetentionClass, Date | null>;
}
