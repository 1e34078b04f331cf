/**
 * `npm run worker`: runs the reporting rules, drains the submission queue, the recording archive queue and the alert
 * delivery queue, and runs the daily retention. `npm start` runs one; more
 * can run anywhere against the same database (they coordinate through it).
 * Needs DATABASE_URL and the TOP_* settings (see docs/operations.md).
 * SIGTERM: stops claiming, lets calls on the wire finish for up to SHUTDOWN_GRACE_MS, puts claimed-ahead jobs back.
 */
import { AlertDispatcher, dispatcherConfig } from "../lib/alerts/dispatcher";
import { AudioArchiver, archiverConfig } from "../lib/audio/archiver";
import { startRollupCompactor } from "../lib/call-records/rollups";
import { ensureComplianceSettings, startRechecker } from "../lib/compliance/recheck";
import { disconnectPrisma, poolStats } from "../lib/db/client";
import { isConnectionError } from "../lib/db/connection-errors";
import { startRetentionScheduler } from "../lib/retention/schedule";
import { RuleLoop } from "../lib/rules/loop";
import { collectProcessMetrics, registerPoolGauges } from "../lib/metrics/registry";
import { startWorkerMetricsServer } from "../lib/metrics/worker-server";
import { STALE_AFTER_MS } from "../lib/submissions/coordination";
import { SubmissionWorker } from "../lib/submissions/worker";
import { createTopClient } from "../lib/top/client";
import { topConfig, workerConfig } from "../lib/env";
import { requireProductionConfig } from "./lib/production-config";

const say = (line: string) => console.log(`[worker] ${line}`);

// While the database is unreachable every loop fails the same way: said once, and once when it is back.
let outage = false;
function onError(prefix: string) {
  return (err: unknown) => {
    if (isConnectionError(err)) {
      if (!outage)
        console.error(
          `[worker] database unreachable (${(err as Error).message.split("\n")[0]}); retrying until it is back`,
        );
      outage = true;
      return;
    }
    console.error(`[worker] ${prefix}${(err as Error).message.split("\n")[0]}`);
  };
}

async function main() {
  const env = requireProductionConfig("worker");
  const top = topConfig();
  const config = workerConfig();
  const client = createTopClient(top);
  let settled = 0;
  const worker = new SubmissionWorker(client, config, {
    onSettled: () => {
      settled++;
      if (outage) say("database reachable again");
      outage = false;
    },
    onError: onError(""),
  });
  worker.start();
  // The reporting rules queue records into their batches; the worker above sends them.
  const rules = new RuleLoop(
    { timeZone: env.DISPLAY_TIME_ZONE, rejectionPausePercent: env.RULE_REJECTION_PAUSE_PERCENT },
    { onError: onError("rules: ") },
  );
  rules.start();
  const archive = archiverConfig();
  let archived = 0;
  const archiver = new AudioArchiver(archive, {
    onSettled: (_task, outcome) => void (outcome === "archived" && archived++),
    onError: onError("archive: "),
  });
  if (archive.concurrency > 0) archiver.start();
  let alerted = 0;
  const alerts = new AlertDispatcher(dispatcherConfig(), {
    onSettled: (_delivery, outcome) => void (outcome === "delivered" && alerted++),
    onError: onError("alerts: "),
  });
  alerts.start();
  // Folds the rollup deltas that writes append (any process may; one at a time does).
  const compactor = startRollupCompactor({ onError: onError("rollup compaction: ") });
  // Compliance flags checked with other settings than these are checked again, chunk by chunk.
  if ((await ensureComplianceSettings()).queued) say("compliance settings changed: every record is rechecked");
  const rechecker = startRechecker({ onError: onError("compliance recheck: ") });
  // The day's retention run from RETENTION_HOUR on, and any an admin started (docs/retention.md).
  const retention = startRetentionScheduler({ onError: onError("retention: ") });
  collectProcessMetrics();
  registerPoolGauges(poolStats);
  const metrics = env.WORKER_METRICS_PORT
    ? await startWorkerMetricsServer({
        port: env.WORKER_METRICS_PORT,
        token: env.METRICS_TOKEN,
        ready: () => Date.now() - worker.lastHeartbeatAt < STALE_AFTER_MS,
      })
    : undefined;
  say(
    `sending to ${new URL(top.gatewayUrl).host} at ≤ ${config.maxQps} requests/s, ${config.concurrency} at a time, up to ${config.maxAttempts} attempts`,
  );
  if (archive.concurrency > 0)
    say(`archiving recordings into ${archive.dir} at ≤ ${archive.ratePerSecond}/s, ${archive.concurrency} at a time`);
  if (metrics) say(`metrics on :${env.WORKER_METRICS_PORT}/metrics`);
  const report = setInterval(() => {
    if (settled) say(`${settled} answers recorded in the last minute`);
    if (archived) say(`${archived} recordings archived in the last minute`);
    if (alerted) say(`${alerted} alerts delivered in the last minute`);
    settled = 0;
    archived = 0;
    alerted = 0;
  }, 60_000);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say(`stopping: no new claims; calls on the wire get up to ${env.SHUTDOWN_GRACE_MS} ms`);
    clearInterval(report);
    await compactor.stop();
    await rules.stop();
    await Promise.all([rechecker.stop(), retention.stop()]);
    await Promise.all([worker.stop(env.SHUTDOWN_GRACE_MS), archiver.stop(), alerts.stop()]);
    client.close();
    metrics?.close();
    await disconnectPrisma();
    say("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err) => {
  console.error(`[worker] ${(err as Error).message}`);
  process.exit(1);
});
