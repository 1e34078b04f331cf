/**
 * The submission worker's pace and retries, as the worker takes them; read from
 * TOP_MAX_QPS, TOP_CONCURRENCY, TOP_MAX_ATTEMPTS and SUBMISSION_* by
 * workerConfig() in lib/env/worker.ts.
 */
export interface WorkerConfig {
  maxQps: number;
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}
