import { withPermission } from "@/lib/auth/route-guard";
import { csvCell } from "@/lib/csv/cell";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http/error-response";
import { parseReconciliationParams } from "@/lib/reconciliation/schema";
import { reconciliationCsv, reconciliationReport } from "@/lib/reconciliation/report";

export const dynamic = "force-dynamic";

/** The /reconciliation report as CSV (same parameters); a bad parameter is a 400, never a different report. */
export const GET = withPermission("reconciliation:read", async (request: Request) => {
  const env = getEnv();
  const { query, errors } = parseReconciliationParams(new URL(request.url).searchParams, env.DISPLAY_TIME_ZONE);
  if (errors.length)
    return errorResponse(
      "invalid_parameter",
      `invalid parameter${errors.length > 1 ? "s" : ""}: ${errors.map((e) => e.param).join(", ")}`,
      errors,
    );
  const report = await reconciliationReport(query, env.DISPLAY_TIME_ZONE, env.RECONCILE_OVERDUE_HOURS, new Date(), {
    minutes: env.RECONCILE_GAP_MINUTES,
    callingHours: env.COMPLIANCE_CALLING_HOURS,
  });
  return new Response(reconciliationCsv(report, csvCell), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="reconciliation-${query.from}-${query.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
