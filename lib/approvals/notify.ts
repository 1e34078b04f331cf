import "server-only";
import { raiseAlert } from "../alerts/raise";
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
 * place a notification channel is wired in: the log, and the admins' alert
 * channels (`raiseAlert("approval.requested", …)`). Never throws: the request
 * stands whether or not anyone could be told.
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
  // Never throws (lib/alerts/raise.ts).
  await raiseAlert("approval.requested", {
    title: `Batch #${event.batchId} waits for approval`,
    text: `${event.requestedBy} asks to send ${event.total} records: ${event.reasons.join("; ") || "approval required"}. Another supervisor or an admin approves or rejects it before ${event.expiresAt.toISOString()}.`,
    link: `/submissions/${event.batchId}`,
    facts: { batch: String(event.batchId), records: event.total, requested_by: event.requestedBy },
  });
}
