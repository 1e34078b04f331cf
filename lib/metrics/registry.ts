import client from "prom-client";

/**
 * The process's Prometheus metrics (prom-client's default registry). Metrics
 * are looked up before they are created: Next's dev server evaluates modules
 * again on every change, and a second registration would throw.
 */
export const registry = client.register;

function once<T>(name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export const ingestRecords = once(
  "lvr_ingest_records_total",
  () =>
    new client.Counter({
      name: "lvr_ingest_records_total",
      help: "Records received by the ingest API and imports, by outcome.",
      labelNames: ["outcome"] as const,
    }),
);

export const ingestRequestsFailed = once(
  "lvr_ingest_requests_failed_total",
  () =>
    new client.Counter({
      name: "lvr_ingest_requests_failed_total",
      help: "Ingest requests refused as a whole, by code.",
      labelNames: ["code"] as const,
    }),
);

export const topCalls = once(
  "lvr_top_calls_total",
  () =>
    new client.Counter({
      name: "lvr_top_calls_total",
      help: "Calls to TOP by outcome class (accepted, rejected, retryable, config, transport...).",
      labelNames: ["outcome"] as const,
    }),
);

export const topLatency = once(
  "lvr_top_call_duration_seconds",
  () =>
    new client.Histogram({
      name: "lvr_top_call_duration_seconds",
      help: "Time of one call to TOP, request out to answer in.",
      labelNames: ["outcome"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    }),
);

export const rateLimitWait = once(
  "lvr_top_rate_limit_wait_seconds",
  () =>
    new client.Histogram({
      name: "lvr_top_rate_limit_wait_seconds",
      help: "Time a send waited for the shared QPS limiter (and any ban) before going out.",
      buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
    }),
);

export const rateLimitBans = once(
  "lvr_top_bans_total",
  () =>
    new client.Counter({
      name: "lvr_top_bans_total",
      help: "Bans (flow control) the gateway announced to this worker.",
    }),
);

export const settleFailures = once(
  "lvr_worker_settle_retries_total",
  () =>
    new client.Counter({
      name: "lvr_worker_settle_retries_total",
      help: "Answers whose recording failed (database unreachable) and was retried.",
    }),
);

/** Connections of this process's pool (pg.Pool), read at scrape time. */
export function registerPoolGauges(
  pool: () => { totalCount: number; idleCount: number; waitingCount: number } | undefined,
): void {
  once(
    "lvr_db_pool_connections",
    () =>
      new client.Gauge({
        name: "lvr_db_pool_connections",
        help: "Connections of this process's database pool: open, idle, and requests waiting for one.",
        labelNames: ["state"] as const,
        collect() {
          const p = pool();
          this.set({ state: "open" }, p?.totalCount ?? 0);
          this.set({ state: "idle" }, p?.idleCount ?? 0);
          this.set({ state: "waiting" }, p?.waitingCount ?? 0);
        },
      }),
  );
}

let defaults = false;
/** Node's own metrics (heap, event loop lag, GC), once per process. */
export function collectProcessMetrics(): void {
  if (defaults) return;
  defaults = true;
  if (!registry.getSingleMetric("process_cpu_user_seconds_total")) client.collectDefaultMetrics({ prefix: "" });
}
