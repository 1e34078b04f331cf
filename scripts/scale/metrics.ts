/**
 * The soak test's look at `/metrics` as Prometheus sees it: a scrape with the
 * bearer token, no session cookie, no redirect followed. Each role exposes what
 * it knows (docs/operations.md); together they must carry every listed series.
 */

/** The series docs/operations.md lists, by the process that exposes them. */
export const WEB_SERIES = [
  "lvr_http_request_duration_seconds",
  "lvr_ingest_records_total",
  "lvr_submission_queue_jobs",
  "lvr_archive_backlog",
  "lvr_rollup_delta_backlog",
  "lvr_compliance_followup_backlog",
  "lvr_db_pool_connections",
  "lvr_workers_alive",
  "lvr_worker_heartbeat_age_seconds",
];
export const WORKER_SERIES = [
  "lvr_top_calls_total",
  "lvr_top_call_duration_seconds",
  "lvr_top_rate_limit_wait_seconds",
  "lvr_top_bans_total",
  "lvr_db_pool_connections",
];

export interface Scrape {
  status: number;
  /** Series named in `# TYPE` lines. */
  series: Set<string>;
  contentType: string;
}

export async function scrape(url: string, token?: string): Promise<Scrape> {
  const res = await fetch(url, {
    redirect: "manual",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text();
  const series = new Set([...body.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
  return { status: res.status, series, contentType: res.headers.get("content-type") ?? "" };
}

/** What is wrong with a scrape: empty when it answered 200 in Prometheus text format with every wanted series. */
export function scrapeProblems(s: Scrape, wanted: readonly string[]): string[] {
  if (s.status !== 200) return [`status ${s.status}`];
  const problems = s.contentType.startsWith("text/plain") ? [] : [`content type ${s.contentType}`];
  const missing = wanted.filter((name) => !s.series.has(name));
  if (missing.length) problems.push(`missing ${missing.join(", ")}`);
  return problems;
}
