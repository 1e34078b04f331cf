import { apiRoute } from "@/lib/api/handler";
import { correctCallRecordHandler, withdrawCorrectionHandler } from "@/lib/api/handlers/corrections";
import { correctCallRecordOp, withdrawCorrectionOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const PATCH = apiRoute(correctCallRecordOp, correctCallRecordHandler);
export const DELETE = apiRoute(withdrawCorrectionOp, withdrawCorrectionHandler);
