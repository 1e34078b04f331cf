import { apiRoute } from "@/lib/api/handler";
import { getCallRecordEvidenceHandler } from "@/lib/api/handlers/evidence";
import { getCallRecordEvidenceOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getCallRecordEvidenceOp, getCallRecordEvidenceHandler);
