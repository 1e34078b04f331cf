/**
 * `npm run worker`: drains the submission queue and the recording archive queue. `npm start` runs one; more
 * can run anywhere against the same database (they coordinate through it).
 * Needs DATABASE_URL and the TOP_* settings (see README).
 */
import { AudioArchiver, archiverConfig } from "../lib/audio/archiver";
import { startRollupCompactor } from "../lib/call-records/rollups";
import { disconnectPrisma } from "../lib/db/client";
import { parseWorkerConfig } from "../lib/submissions/config";
import { SubmissionWorker } from "../lib/submissions/worker";
import { createTopClient } from "../lib/top/client";
import { parseTopConfig } from "../lib/top/config";

const say = (line: string) => console.log(`[worker] ${line}`);

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (npm start sets it for the worker it runs)");
  const top = parseTopConfig(process.env);
  const config = parseWorkerConfig(process.env);
  const client = createTopClient(top);
  let settled = 0;
  const worker = new SubmissionWorker(client, config, {
    onSettled: () => void settled++,
    onError: (err) => console.error(`[worker] ${(err as Error).message.split("\n")[0]}`),
  });
  worker.start();
  const archive = archiverConfig();
  let archived = 0;
  const archiver = new AudioArchiver(archive, {
    onSettled: (_task, outcome) => void (outcome === "archived" && archived++),
    onError: (err) => console.error(`[worker] archive: ${(err as Error).message.split("\n")[0]}`),
  });
  if (archive.concurrency > 0) archiver.start();
  // Folds the rollup deltas that writes append (any process may; one at a time does).
  const compactor = startRollupCompactor({ onError: (err) => console.error(`[worker] rollup compaction: ${(err as Error).message.split("\n")[0]}`) });
  say(`sending to ${new URL(top.gatewayUrl).host} at ≤ ${config.maxQps} requests/s, ${config.concurrency} at a time, up to ${config.maxAttempts} attempts`);
  if (archive.concurrency > 0) say(`archiving recordings into ${archive.dir} at ≤ ${archive.ratePerSecond}/s, ${archive.concurrency} at a time`);
  const report = setInterval(() => {
    if (settled) say(`${settled} answers recorded in the last minute`);
    if (archived) say(`${archived} recordings archived in the last minute`);
    settled = 0;
    archived = 0;
  }, 60_000);
  const stop = async () => {
    clearInterval(report);
    await compactor.stop();
    await Promise.all([worker.stop(), archiver.stop()]);
    client.close();
    await disconnectPrisma();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err) => {
  console.error(`[worker] ${(err as Error).message}`);
  process.exit(1);
});
