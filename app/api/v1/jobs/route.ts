import { apiRoute } from "@/lib/api/handler";
import { listJobsHandler } from "@/lib/api/handlers/jobs";
import { listJobsOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listJobsOp, listJobsHandler);
