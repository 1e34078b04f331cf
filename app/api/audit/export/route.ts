import { auditEventsCsv, parseAuditFilters } from "@/lib/audit/data";
import { recordAudit } from "@/lib/audit/mutations";
import { withPermission } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/http/error-response";
import { streamText } from "@/lib/http/stream";

export const dynamic = "force-dynamic";

export const GET = withPermission("audit:read", async (request: Request, _context: unknown, user) => {
  const params = new URL(request.url).searchParams;
  // Checked before the 200 goes out: a bad filter is a 400, never an empty or cut-off file.
  const { filters, errors } = parseAuditFilters(params);
  if (errors.length)
    return errorResponse(
      "invalid_filter",
      `invalid parameter${errors.length > 1 ? "s" : ""}: ${errors.map((e) => e.param).join(", ")}`,
      errors,
    );
  await recordAudit({ actor: user, action: "audit.export", details: { filter: params.toString() } });
  const rows = auditEventsCsv(filters);
  const body = streamText(rows);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="audit.csv"',
      "Cache-Control": "no-store",
    },
  });
});
