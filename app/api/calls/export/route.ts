import { exportCallRecordsCsv } from "@/lib/call-records/export/export";
import { parseCallFilters } from "@/lib/call-records/query/filters";
import { recordAudit } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/permissions";
import { recentlyAuthenticated } from "@/lib/auth/recent-auth";
import { reauthRequired, withPermission } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/http/error-response";
import { streamText, withGzip } from "@/lib/http/stream";
import { getEnv } from "@/lib/env";
import { zonedFileStamp } from "@/lib/time/zoned";

export const dynamic = "force-dynamic";

/**
 * GET /api/calls/export?<the /calls filters>: streamed CSV, gzip-compressed
 * at a fast level when the client accepts it (Next's own compression, at
 * zlib's default level, was a third of the export's CPU).
 */
export const GET = withGzip(
  withPermission("calls:export", async (request: Request, _context: unknown, user, session) => {
    const params = new URL(request.url).searchParams;
    const { filters, errors } = parseCallFilters(params);
    const unmasked = params.get("unmasked") === "true";
    if (unmasked && !can(user.role, "calls:export-unmasked")) {
      return Response.json(
        { error: { code: "forbidden", message: `Your role (${user.role}) may export masked data only.` } },
        { status: 403 },
      );
    }
    // Unmasked data goes out only with a stated reason, kept on the audit trail (as the reveal of one record).
    const reason = params.get("reason")?.trim() ?? "";
    if (unmasked && (reason.length < 5 || reason.length > 500)) {
      return Response.json(
        {
          error: {
            code: "reason_required",
            message: "say why you export unmasked data (reason, 5 to 500 characters)",
            details: [{ param: "reason", message: "5 to 500 characters" }],
          },
        },
        { status: 400 },
      );
    }
    params.delete("reason");
    if (unmasked && !recentlyAuthenticated(session)) return reauthRequired(request);
    if (errors.length) {
      // Checked before the 200 goes out: a bad filter is a 400, never an empty or cut-off file.
      return errorResponse(
        "invalid_filter",
        `invalid parameter${errors.length > 1 ? "s" : ""}: ${[...new Set(errors.map((e) => e.param))].join(", ")}`,
        errors,
      );
    }
    // Full numbers and names leave with the first byte: on the trail before that, whether or not the download completes.
    if (unmasked) await recordAudit({ actor: user, action: "pii.export", details: { filter: params.toString() } });
    const timeZone = getEnv().DISPLAY_TIME_ZONE;
    const rows = exportCallRecordsCsv(filters, timeZone, {
      masked: !unmasked,
      // On the trail once the whole file went out: who, which filter, masked or not, how many rows.
      onDone: (count) =>
        recordAudit({
          actor: user,
          action: "calls.export",
          details: { filter: params.toString(), masked: !unmasked, rows: count, ...(unmasked ? { reason } : {}) },
        }),
    });
    const body = streamText(rows);
    // Named in the zone the UI and the file's times use.
    const stamp = zonedFileStamp(new Date(), timeZone);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="call-records-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }),
);
