import { apiRoute } from "@/lib/api/handler";
import { resubmitFailuresHandler } from "@/lib/api/handlers/submissions";
import { resubmitFailuresOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const POST = apiRoute(resubmitFailuresOp, resubmitFailuresHandler);
