import { apiRoute } from "@/lib/api/handler";
import { approveSubmissionHandler } from "@/lib/api/handlers/approvals";
import { approveSubmissionOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const POST = apiRoute(approveSubmissionOp, approveSubmissionHandler);
