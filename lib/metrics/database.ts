import "server-only";
import client from "prom-client";
import { Prisma, readRows } from "../db/client";
import { STALE_AFTER_MS } from "../submissions/coordination";
import { registry } from "./registry";

/**
 * Gauges read from the database at scrape time: the state every process
 * shares (queues, backlogs, worker heartbeats, a ban in force), so any web
 * instance reports it and Prometheus needs no route to the workers for it.
 * One statement per scrape, every count from a partial index or a small table.
 */

interface Snapshot {
  jobs: Record<string, number>;
  archives: Record<string, number>;
  rollup_deltas: number;
  compliance_followups: number;
  workers_alive: number;
  heartbeat_age_s: number | null;
  ban_remaining_s: number;
  batches_running: number;
}

let pending: { at: number; value: Promise<Snapshot> } | undefined;

function snapshot(): Promise<Snapshot> {
  // The gauges below are collected one after another in one scrape: one query for all of them.
  if (pending && Date.now() - pending.at < 1_000) return pending.value;
  const value = readRows<Snapshot>(Prisma.sql`
    SELECT
      (SELECT COALESCE(jsonb_object_agg(state, n), '{}') FROM (
        SELECT state::text, count(*)::int AS n FROM submission_jobs WHERE state IN ('queued', 'retrying', 'in_flight') GROUP BY 1) s) AS jobs,
      (SELECT COALESCE(jsonb_object_agg(state, n), '{}') FROM (
        SELECT state::text, count(*)::int AS n FROM audio_archives WHERE state IN ('queued', 'retrying', 'in_flight') GROUP BY 1) s) AS archives,
      ((SELECT count(*) FROM call_record_rollup_deltas) + (SELECT count(*) FROM call_record_job_bounds_deltas))::int AS rollup_deltas,
      (SELECT count(*)::int FROM compliance_followups) AS compliance_followups,
      (SELECT count(*)::int FROM submission_workers WHERE last_seen_at > now() - ${STALE_AFTER_MS} * interval '1 millisecond') AS workers_alive,
      (SELECT extract(epoch FROM now() - max(last_seen_at))::float8 FROM submission_workers) AS heartbeat_age_s,
      (SELECT GREATEST(0, COALESCE(extract(epoch FROM banned_until - now()), 0))::float8 FROM submission_throttle WHERE id = 1) AS ban_remaining_s,
      (SELECT count(*)::int FROM submission_batches WHERE status = 'running') AS batches_running`).then(
    (rows) => rows[0]!,
  );
  pending = { at: Date.now(), value };
  value.catch(() => (pending = undefined));
  return value;
}

function gauge(
  name: string,
  help: string,
  labelNames: readonly string[],
  fill: (g: client.Gauge<string>, s: Snapshot) => void,
): void {
  if (registry.getSingleMetric(name)) return;
  new client.Gauge({
    name,
    help,
    labelNames,
    async collect() {
      try {
        fill(this, await snapshot());
      } catch {
        // Database unreachable: the series go absent for this scrape (lvr_up says why).
        this.reset();
      }
    },
  });
}

export function registerDatabaseGauges(): void {
  gauge("lvr_submission_queue_jobs", "Submission jobs not yet final, by state.", ["state"], (g, s) => {
    for (const state of ["queued", "retrying", "in_flight"]) g.set({ state }, s.jobs[state] ?? 0);
  });
  gauge("lvr_archive_backlog", "Recordings waiting to be archived, by state.", ["state"], (g, s) => {
    for (const state of ["queued", "retrying", "in_flight"]) g.set({ state }, s.archives[state] ?? 0);
  });
  gauge("lvr_rollup_delta_backlog", "Rollup deltas written and not yet folded into the counts.", [], (g, s) =>
    g.set(s.rollup_deltas),
  );
  gauge(
    "lvr_compliance_followup_backlog",
    "Ingested calls whose later calls wait for the worker's compliance recheck.",
    [],
    (g, s) => g.set(s.compliance_followups),
  );
  gauge("lvr_workers_alive", "Workers whose heartbeat is fresh.", [], (g, s) => g.set(s.workers_alive));
  gauge("lvr_worker_heartbeat_age_seconds", "Seconds since the newest worker heartbeat.", [], (g, s) =>
    g.set(s.heartbeat_age_s ?? -1),
  );
  gauge("lvr_top_ban_remaining_seconds", "Seconds left of a ban the gateway announced (0: none).", [], (g, s) =>
    g.set(s.ban_remaining_s),
  );
  gauge("lvr_submission_batches_running", "Submission batches running.", [], (g, s) => g.set(s.batches_running));
  if (!registry.getSingleMetric("lvr_up")) {
    new client.Gauge({
      name: "lvr_up",
      help: "1 when this process reaches the database, else 0.",
      async collect() {
        try {
          await snapshot();
          this.set(1);
        } catch {
          this.set(0);
        }
      },
    });
  }
}
