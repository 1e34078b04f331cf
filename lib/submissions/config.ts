import { z } from "zod";

/** Worker settings. TOP bans apps that exceed their quota, so the defaults are conservative. */
export const workerConfigSchema = z.object({
  TOP_MAX_QPS: z.coerce.number().positive().max(10_000).default(20),
  TOP_CONCURRENCY: z.coerce.number().int().min(1).max(512).default(8),
  TOP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(6),
  /** How long a claimed job stays with its worker before another may take it over. */
  SUBMISSION_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** First retry delay; doubled per attempt, with jitter, capped at SUBMISSION_BACKOFF_MAX_MS. */
  SUBMISSION_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(2_000),
  SUBMISSION_BACKOFF_MAX_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(5 * 60_000),
});

export interface WorkerConfig {
  maxQps: number;
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export function parseWorkerConfig(env: Readonly<Record<string, string | undefined>>): WorkerConfig {
  const r = workerConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v])),
  );
  if (!r.success)
    throw new Error(
      `invalid submission settings:\n${r.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`).join("\n")}`,
    );
  const e = r.data;
  return {
    maxQps: e.TOP_MAX_QPS,
    concurrency: e.TOP_CONCURRENCY,
    maxAttempts: e.TOP_MAX_ATTEMPTS,
    leaseMs: e.SUBMISSION_LEASE_MS,
    backoffBaseMs: e.SUBMISSION_BACKOFF_BASE_MS,
    backoffMaxMs: e.SUBMISSION_BACKOFF_MAX_MS,
  };
}
