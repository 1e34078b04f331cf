import { auditEventsCsv, auditFiltersSchema } from "@/lib/audit/data";
import { recordAudit } from "@/lib/audit/mutations";
import { withPermission } from "@/lib/auth/route-guard";

export const dynamic = "force-dynamic";

export const GET = withPermission("audit:read", async (request: Request, _context: unknown, user) => {
  const params = new URL(request.url).searchParams;
  const filters = auditFiltersSchema.parse(Object.fromEntries(params));
  await recordAudit({ actor: user, action: "audit.export", details: { filter: params.toString() } });
  const rows = auditEventsCsv(filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await rows.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="audit.csv"', "Cache-Control": "no-store" },
  });
});
