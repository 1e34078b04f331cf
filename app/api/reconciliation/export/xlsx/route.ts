import { Readable } from "node:stream";
import { withPermission } from "@/lib/auth/route-guard";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http/error-response";
import { parseReconciliationParams } from "@/lib/reconciliation/schema";
import { reconciliationReport } from "@/lib/reconciliation/report";
import { reconciliationXlsx } from "@/lib/reconciliation/xlsx";

export const dynamic = "force-dynamic";

/** The /reconciliation report as XLSX (same parameters and columns as the CSV); a bad parameter is a 400. */
export const GET = withPermission("reconciliation:read", async (request: Request) => {
  const env = getEnv();
  const { query, errors } = parseReconciliationParams(new URL(request.url).searchParams, env.DISPLAY_TIME_ZONE);
  if (errors.length)
    return errorResponse(
      "invalid_parameter",
      `invalid parameter${errors.length > 1 ? "s" : ""}: ${errors.map((e) => e.param).join(", ")}`,
      errors,
    );
  const report = await reconciliationReport(query, env.DISPLAY_TIME_ZONE, env.RECONCILE_OVERDUE_HOURS);
  return new Response(Readable.toWeb(reconciliationXlsx(report)) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="reconciliation-${query.from}-${query.to}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
});
