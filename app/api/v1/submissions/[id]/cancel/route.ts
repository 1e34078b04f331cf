import { apiRoute } from "@/lib/api/handler";
import { cancelSubmissionHandler } from "@/lib/api/handlers/submissions";
import { cancelSubmissionOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const POST = apiRoute(cancelSubmissionOp, cancelSubmissionHandler);
