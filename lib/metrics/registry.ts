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

/** A counter, registered once under its name. */
function counter<L extends string = string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): client.Counter<L> {
  return once(name, () => new client.Counter({ name, help, labelNames }));
}

/** A histogram with its buckets (seconds), registered once under its name. */
function histogram<L extends string = string>(
  name: string,
  help: string,
  buckets: number[],
  labelNames: readonly L[] = [],
): client.Histogram<L> {
  return once(name, () => new client.Histogram({ name, help, labelNames, buckets }));
}

export const ingestRecords = counter(
  "lvr_ingest_records_total",
  "Records received by the ingest API and imports, by outcome.",
  ["outcome"],
);

export const ingestRequestsFailed = counter(
  "lvr_ingest_requests_failed_total",
  "Ingest requests refused as a whole, by code.",
  ["code"],
);

export const topCalls = counter(
  "lvr_top_calls_total",
  "Calls to TOP by outcome class (accepted, rejected, retryable, config, transport...).",
  ["outcome"],
);

export const topLatency = histogram(
  "lvr_top_call_duration_seconds",
  "Time of one call to TOP, request out to answer in.",
  [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  ["outcome"],
);

export const rateLimitWait = histogram(
  "lvr_top_rate_limit_wait_seconds",
  "Time a send waited for the shared QPS limiter (and any ban) before going out.",
  [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
);

export const rateLimitBans = counter("lvr_top_bans_total", "Bans (flow control) the gateway announced to this worker.");

export const settleFailures = counter(
  "lvr_worker_settle_retries_total",
  "Answers whose recording failed (database unreachable) and was retried.",
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
