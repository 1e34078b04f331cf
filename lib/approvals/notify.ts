import "server-only";
import { log } from "../log";

export interface ApprovalRequestedEvent {
  batchId: bigint;
  requestedBy: string;
  total: number;
  reasons: string[];
  expiresAt: Date;
}

/**
 * Tells the other supervisors that a batch waits for their approval. The one
 * place a notification channel is wired in (alerts: `raiseAlert("approval.requested", …)`);
 * until then the request is in the log and on /submissions. Never throws: the
 * request stands whether or not anyone could be told.
 */
export async function onApprovalRequested(event: ApprovalRequestedEvent): Promise<void> {
  try {
    log().info(
      {
        event: "approval.requested",
        batch_id: event.batchId.toString(),
        requested_by: event.requestedBy,
        total: event.total,
        reasons: event.reasons,
        expires_at: event.expiresAt.toISOString(),
      },
      "a submission batch waits for a second supervisor's approval",
    );
  } catch {
    // Logging is best effort here.
  }
}
