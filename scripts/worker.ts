/**
 * `npm run worker`: drains the submission queue. `npm start` runs one; more
 * can run anywhere against the same database (they coordinate through it).
 * Needs DATABASE_URL and the TOP_* settings (see README).
 */
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
  // Folds the rollup deltas that writes append (any process may; one at a time does).
  const compactor = startRollupCompactor({ onError: (err) => console.error(`[worker] rollup compaction: ${(err as Error).message.split("\n")[0]}`) });
  say(`sending to ${new URL(top.gatewayUrl).host} at ≤ ${config.maxQps} requests/s, ${config.concurrency} at a time, up to ${config.maxAttempts} attempts`);
  const report = setInterval(() => {
    if (settled) say(`${settled} answers recorded in the last minute`);
    settled = 0;
  }, 60_000);
  const stop = async () => {
    clearInterval(report);
    await compactor.stop();
    await worker.stop();
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
