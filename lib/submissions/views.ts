import { withIsoTimes } from "../time/iso-times";
import type { BatchProgress, FailureGroup } from "./data";

/** The window a batch's rate is measured over (measured-rate.ts is free of server code: the page says it). */
export { RATE_WINDOW_SECONDS } from "./measured-rate";

/** JSON shapes for the browser: ids as strings (int64), times as ISO strings. */
export interface BatchView extends Omit<BatchProgress, "id" | "createdAt" | "finishedAt"> {
  id: string;
  createdAt: string;
  finishedAt: string | null;
}

export function batchView(b: BatchProgress): BatchView {
  return { ...withIsoTimes(b, "createdAt", "finishedAt"), id: b.id.toString() };
}

export interface BatchDetailView {
  batch: BatchView;
  failures: FailureGroup[];
}

export const submissionKeys = {
  all: ["submissions"] as const,
  list: () => [...submissionKeys.all, "list"] as const,
  batch: (id: string) => [...submissionKeys.all, "batch", id] as const,
};

/**
 * Whether a batch's page should keep asking: while any of its jobs waits or is
 * on the wire, whatever the batch's status (after a cancel, the calls already
 * sent still settle; a paused batch's jobs still wait).
 */
export function batchNeedsPolling(batch: Pick<BatchView, "status" | "counts">): boolean {
  const c = batch.counts;
  return batch.status === "running" || c.queued + c.in_flight + c.retrying > 0;
}
