import "server-only";
import { raiseAlert } from "./raise";

/** What the submission queue tells the alerts about its batches (lib/submissions/queue.ts). */

export interface FinishedBatch {
  id: bigint;
  counts: Record<string, number>;
}

/** A finished batch with records TOP did not accept alerts "batch.failures"; a clean one says nothing. */
export async function alertFinishedBatches(batches: readonly FinishedBatch[]): Promise<void> {
  for (const batch of batches) {
    const rejected = batch.counts.rejected ?? 0;
    const failed = batch.counts.failed ?? 0;
    if (rejected + failed === 0) continue;
    const total = Object.values(batch.counts).reduce((a, b) => a + b, 0);
    await raiseAlert("batch.failures", {
      title: `Batch #${batch.id} finished with failures`,
      text: `${rejected + failed} of ${total} records were not accepted by TOP: ${rejected} rejected (need a fix), ${failed} failed (transient errors until attempts ran out).`,
      link: `/submissions/${batch.id}`,
      facts: { batch: String(batch.id), accepted: batch.counts.accepted ?? 0, rejected, failed },
    });
  }
}

/** A batch stopped by a configuration error (wrong app key or secret, missing permission) alerts "batch.paused". */
export async function alertPausedBatch(batchId: bigint, reason: string): Promise<void> {
  await raiseAlert("batch.paused", {
    title: `Batch #${batchId} is paused`,
    text: `${reason}. Sending waits until the configuration is fixed and someone resumes the batch.`,
    link: `/submissions/${batchId}`,
    facts: { batch: String(batchId) },
  });
}
