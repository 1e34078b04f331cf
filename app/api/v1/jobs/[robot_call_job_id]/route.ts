import { apiRoute } from "@/lib/api/handler";
import { getJobHandler } from "@/lib/api/handlers/jobs";
import { getJobOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getJobOp, getJobHandler);
