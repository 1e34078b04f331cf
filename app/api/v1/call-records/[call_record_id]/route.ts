import { apiRoute } from "@/lib/api/handler";
import { getCallRecordHandler } from "@/lib/api/handlers/call-records";
import { getCallRecordOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getCallRecordOp, getCallRecordHandler);
