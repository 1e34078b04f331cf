import { z } from "zod";
import { parseWorkerConfig, type WorkerConfig } from "../submissions/config";
import { processEnv, type EnvSource } from "./process";

/** The worker process (npm run worker) beside its queues. */
export const workerSection = z.object({
  /** Port of the worker's own /metrics and /api/ready (npm run worker); unset: none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** A reporting rule pauses itself when more than this percent of its last 100 answers are rejections. */
  RULE_REJECTION_PAUSE_PERCENT: z.coerce.number().min(0).max(100).default(20),
});

/** The submission worker's pace and retries (TOP_MAX_QPS, SUBMISSION_*), validated by lib/submissions/config.ts. */
export function workerConfig(source: EnvSource = processEnv()): WorkerConfig {
  return parseWorkerConfig(source);
}
