import { exportCallRecordsCsv } from "@/lib/call-records/export/export";
import { parseCallFilters } from "@/lib/call-records/query/filters";
import { recordAudit } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/permissions";
import { withPermission } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/http/error-response";
import { streamText, withGzip } from "@/lib/http/stream";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * GET /api/calls/export?<the /calls filters>: streamed CSV, gzip-compressed
 * at a fast level when the client accepts it (Next's own compression, at
 * zlib's default level, was a third of the export's CPU).
 */
export const GET = withGzip(withPermission("calls:export", async (request: Request, _context: unknown, user) => {
  const params = new URL(request.url).searchParams;
  const { filters, errors } = parseCallFilters(params);
  const unmasked = params.get("unmasked") === "true";
  if (unmasked && !can(user.role, "calls:export-unmasked")) {
    return Response.json({ error: { code: "forbidden", message: `Your role (${user.role}) may export masked data only.` } }, { status: 403 });
  }
  if (errors.length) {
    // Checked before the 200 goes out: a bad filter is a 400, never an empty or cut-off file.
    return errorResponse("invalid_filter", `invalid parameter${errors.length > 1 ? "s" : ""}: ${[...new Set(errors.map((e) => e.param))].join(", ")}`, errors);
  }
  // Full numbers and names leave with the first byte: on the trail before that, whether or not the download completes.
  if (unmasked) await recordAudit({ actor: user, action: "pii.export", details: { filter: params.toString() } });
  const rows = exportCallRecordsCsv(filters, getEnv().DISPLAY_TIME_ZONE, {
    masked: !unmasked,
    // On the trail once the whole file went out: who, which filter, masked or not, how many rows.
    onDone: (count) => recordAudit({ actor: user, action: "calls.export", details: { filter: params.toString(), masked: !unmasked, rows: count } }),
  });
  const body = streamText(rows);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="call-records-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}));
