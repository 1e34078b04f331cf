import { withPermission } from "@/lib/auth/route-guard";
import { failureGroups, getBatch } from "@/lib/submissions/data";
import { batchView, type BatchDetailView } from "@/lib/submissions/views";

export const dynamic = "force-dynamic";

export const GET = withPermission("calls:read", async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!/^\d{1,19}$/.test(id)) return Response.json({ error: { code: "invalid_id", message: "batch ids are digits" } }, { status: 400 });
  const batch = await getBatch(BigInt(id));
  if (!batch) return Response.json({ error: { code: "not_found", message: `no batch ${id}` } }, { status: 404 });
  const body: BatchDetailView = { batch: batchView(batch), failures: await failureGroups(batch.id) };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});
