import { apiRoute } from "@/lib/api/handler";
import { rejectSubmissionHandler } from "@/lib/api/handlers/approvals";
import { rejectSubmissionOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const POST = apiRoute(rejectSubmissionOp, rejectSubmissionHandler);
