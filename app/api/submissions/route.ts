import { withPermission } from "@/lib/auth/route-guard";
import { listBatches } from "@/lib/submissions/data";
import { batchView } from "@/lib/submissions/views";

export const dynamic = "force-dynamic";

/** Batches with live progress, for the submissions page to poll. */
export const GET = withPermission("calls:read", async () => {
  const batches = await listBatches(50);
  return Response.json({ batches: batches.map(batchView) }, { headers: { "Cache-Control": "no-store" } });
});
