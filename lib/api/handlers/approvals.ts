import "server-only";
import type { z } from "zod";
import { runActionAs } from "../../actions/wrapper";
import { approveSubmission, rejectSubmission } from "../../approvals/actions";
import type { ApprovalRequest } from "../../approvals/data";
import type { ApiAnswer, ApiRequest } from "../handler";
import type { decisionBody } from "../schemas/approvals";
import { unwrap } from "./action-result";

/** A batch's four-eyes request as the API spells it. */
export function approvalBody(a: ApprovalRequest) {
  return {
    reasons: a.reasons as ("threshold" | "resend_accepted" | "bulk_fix")[],
    requested_by: a.requestedBy,
    requested_at: a.requestedAt.toISOString(),
    expires_at: a.expiresAt.toISOString(),
    held_back: a.heldBack?.map((h) => ({ reason: h.code, message: h.reason, count: h.count })) ?? null,
    diff_sample: a.diffSample,
    decision: a.decision,
    decided_by: a.decidedBy,
    decided_at: a.decidedAt?.toISOString() ?? null,
    comment: a.comment,
  };
}

type DecisionRequest = ApiRequest<{ id: string }, unknown, z.output<typeof decisionBody>>;

const principalOf = (req: DecisionRequest) => ({
  user: req.principal.user,
  session: null,
  readOnly: req.principal.token.readOnly,
});

/** Approves as the token's owner: the same action, and the same refusal to the requester, as the console. */
export async function approveSubmissionHandler(req: DecisionRequest): Promise<ApiAnswer> {
  const result = unwrap(
    await runActionAs(approveSubmission, principalOf(req), { batchId: req.params.id, comment: req.body.comment }),
  );
  return { body: { id: result.batchId, state: result.state } };
}

export async function rejectSubmissionHandler(req: DecisionRequest): Promise<ApiAnswer> {
  const result = unwrap(
    await runActionAs(rejectSubmission, principalOf(req), { batchId: req.params.id, comment: req.body.comment ?? "" }),
  );
  return { body: { id: result.batchId, state: result.state } };
}
