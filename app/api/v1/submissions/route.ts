import { apiRoute } from "@/lib/api/handler";
import { createSubmissionHandler, listSubmissionsHandler } from "@/lib/api/handlers/submissions";
import { createSubmissionOp, listSubmissionsOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listSubmissionsOp, listSubmissionsHandler);
export const POST = apiRoute(createSubmissionOp, createSubmissionHandler);
