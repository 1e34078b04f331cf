import "server-only";
import { recordAudit } from "../audit/mutations";
import { expireApprovals } from "./mutations";

/**
 * Ends every request nobody decided within 24 h (status `expired`, nothing
 * sent) and puts each on the audit trail. The submission worker runs this
 * now and then; the pages and the API already show such a request expired.
 */
export async function expireApprovalRequests(): Promise<bigint[]> {
  const expired = await expireApprovals();
  for (const id of expired) {
    await recordAudit({
      actor: null,
      action: "submission.approval_expired",
      target: `batch:${id}`,
      details: { address: null },
    });
  }
  return expired;
}
