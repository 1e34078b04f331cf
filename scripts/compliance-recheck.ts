/**
 * `npm run compliance:recheck`: checks every stored record again with the
 * current settings (calling hours, contact frequency, anomalies), in chunks,
 * and waits until done. The worker does the same by itself when it starts
 * with changed settings; this is for running it by hand.
 */
import { disconnectPrisma } from "../lib/db/client";
import { ensureComplianceSettings, queueRecheck, runRechecks } from "../lib/compliance/recheck";

async function main(): Promise<void> {
  const { queued } = await ensureComplianceSettings();
  if (!queued) await queueRecheck(null, "command");
  let last = 0;
  const total = await runRechecks((checked) => {
    if (checked - last >= 100_000) {
      console.log(`[compliance] ${checked} records checked`);
      last = checked;
    }
  });
  console.log(`[compliance] done: ${total} records checked`);
  await disconnectPrisma();
}

main().catch((err) => {
  console.error(`[compliance] ${(err as Error).message}`);
  process.exit(1);
});
