/**
 * `npm run compliance:recheck`: checks every stored record again with the
 * current settings (calling hours, contact frequency, anomalies) and every
 * stored transcript with the enabled phrase rules, in chunks, and waits until
 * done. The worker does the same by itself when it starts with changed
 * settings (or an admin queues it from /admin/phrase-rules); this is for
 * running it by hand. Stopped, it resumes at its chunk on the next run.
 */
import { disconnectPrisma } from "../lib/db/client";
import { ensureComplianceSettings, queueCommandRecheck, runRechecks } from "../lib/compliance/recheck";

async function main(): Promise<void> {
  const { queued } = await ensureComplianceSettings();
  // A run that was stopped left its recheck queued at the chunk it was on: this run resumes it.
  const { resumed } = await queueCommandRecheck(queued);
  if (resumed) console.log("[compliance] resuming the recheck a stopped run left");
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
