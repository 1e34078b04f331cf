import { handleIngestRequest } from "@/lib/call-records/ingest/ingest-request";
import { apiRoute } from "@/lib/api/handler";
import { listCallRecordsHandler } from "@/lib/api/handlers/call-records";
import { listCallRecordsOp } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

/** Push endpoint for robot platforms (ingest tokens); see lib/call-records/ingest/ingest-request.ts for the contract. */
export function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request);
}

export const GET = apiRoute(listCallRecordsOp, listCallRecordsHandler);
