import { withPermission } from "@/lib/auth/route-guard";
import { csvCell } from "@/lib/csv/cell";
import { attachmentHeaders, exportedReport } from "@/lib/reconciliation/export-request";
import { reconciliationCsv } from "@/lib/reconciliation/report";

export const dynamic = "force-dynamic";

/** The /reconciliation report as CSV (same parameters); a bad parameter is a 400, never a different report. */
export const GET = withPermission("reconciliation:read", async (request: Request) => {
  const found = await exportedReport(request);
  if (found instanceof Response) return found;
  return new Response(reconciliationCsv(found.report, csvCell), {
    headers: attachmentHeaders("text/csv; charset=utf-8", found.query, "csv"),
  });
});
