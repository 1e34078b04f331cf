import { apiRoute } from "@/lib/api/handler";
import { getSubmissionHandler } from "@/lib/api/handlers/submissions";
import { getSubmissionOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getSubmissionOp, getSubmissionHandler);
