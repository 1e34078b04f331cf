import { z } from "zod";
import type { WorkerConfig } from "../submissions/config";
import { port } from "./parse";
import { configReader } from "./config-reader";
import type { EnvSource } from "./process";

/** The worker process (npm run worker) beside its queues. */
export const workerSection = z.object({
  /** Port of the worker's own /metrics and /api/ready (npm run worker); unset: none. */
  WORKER_METRICS_PORT: port.optional(),
  /** A reporting rule pauses itself when more than this percent of its last 100 answers are rejections. */
  RULE_REJECTION_PAUSE_PERCENT: z.coerce.number().min(0).max(100).default(20),
});

/**
 * The submission worker's pace and retries. TOP bans apps that exceed their quota, so the defaults are
 * conservative. Read by the worker and by the pre-submit check (its time estimate), so parsed on its own.
 */
export const submissionSection = z.object({
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

/** The submission worker's settings (a blank variable counts as unset). */
export const workerConfig: (source?: EnvSource) => WorkerConfig = configReader(
  submissionSection,
  "invalid submission settings",
  {
    maxQps: "TOP_MAX_QPS",
    concurrency: "TOP_CONCURRENCY",
    maxAttempts: "TOP_MAX_ATTEMPTS",
    leaseMs: "SUBMISSION_LEASE_MS",
    backoffBaseMs: "SUBMISSION_BACKOFF_BASE_MS",
    backoffMaxMs: "SUBMISSION_BACKOFF_MAX_MS",
  },
);
