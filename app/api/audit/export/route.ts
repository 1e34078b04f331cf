import { auditEventsCsv, auditFiltersSchema } from "@/lib/audit/data";
import { recordAudit } from "@/lib/audit/mutations";
import { withPermission } from "@/lib/auth/route-guard";
import { streamText } from "@/lib/http/stream";

export const dynamic = "force-dynamic";

export const GET = withPermission("audit:read", async (request: Request, _context: unknown, user) => {
  const params = new URL(request.url).searchParams;
  const filters = auditFiltersSchema.parse(Object.fromEntries(params));
  await recordAudit({ actor: user, action: "audit.export", details: { filter: params.toString() } });
  const rows = auditEventsCsv(filters);
  const body = streamText(rows);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="audit.csv"', "Cache-Control": "no-store" },
  });
});
