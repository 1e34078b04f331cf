import { withPermission } from "@/lib/auth/route-guard";
import { errorResponse, invalidIdResponse } from "@/lib/http/error-response";
import { parseInt64Id } from "@/lib/input/schema";
import { failureGroups, getBatch } from "@/lib/submissions/data";
import { batchView, type BatchDetailView } from "@/lib/submissions/views";

export const dynamic = "force-dynamic";

export const GET = withPermission(
  "calls:read",
  async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const batchId = parseInt64Id(id);
    if (batchId === null) return invalidIdResponse(id, "a batch id");
    const batch = await getBatch(batchId);
    if (!batch) return errorResponse("not_found", `no batch ${id}`, [], 404);
    const body: BatchDetailView = { batch: batchView(batch), failures: await failureGroups(batch.id) };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  },
);
