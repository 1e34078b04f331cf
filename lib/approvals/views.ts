import { withIsoTimes } from "../time/iso-times";
import type { ApprovalRequest } from "./data";

/** A batch's four-eyes request for the browser: times as ISO strings. */
export interface ApprovalView extends Omit<ApprovalRequest, "requestedAt" | "expiresAt" | "decidedAt"> {
  requestedAt: string;
  expiresAt: string;
  decidedAt: string | null;
}

export function approvalView(a: ApprovalRequest): ApprovalView {
  return withIsoTimes(a, "requestedAt", "expiresAt", "decidedAt");
}
