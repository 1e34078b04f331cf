import { handleIngestRequest } from "@/lib/call-records/ingest/ingest-request";

/** Push endpoint for robot platforms; see lib/call-records/ingest/ingest-request.ts for the contract. */
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request);
}
