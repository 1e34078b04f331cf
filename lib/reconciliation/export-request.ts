import "server-only";
import { getEnv } from "../env";
import { errorResponse } from "../http/error-response";
import { configuredReport, type ReconciliationReport } from "./report";
import { parseReconciliationParams, type ReconciliationQuery } from "./schema";

/**
 * An export route's report (CSV or XLSX, same parameters as the page): the
 * report, or the 400 naming each bad parameter (never a different report).
 */
export async function exportedReport(
  request: Request,
): Promise<{ report: ReconciliationReport; query: ReconciliationQuery } | Response> {
  const env = getEnv();
  const { query, errors } = parseReconciliationParams(new URL(request.url).searchParams, env.DISPLAY_TIME_ZONE);
  if (errors.length)
    return errorResponse(
      "invalid_parameter",
      `invalid parameter${errors.length > 1 ? "s" : ""}: ${errors.map((e) => e.param).join(", ")}`,
      errors,
    );
  return { report: await configuredReport(query, env), query };
}

/** The headers of a report download named after its days. */
export function attachmentHeaders(contentType: string, query: ReconciliationQuery, extension: string): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="reconciliation-${query.from}-${query.to}.${extension}"`,
    "Cache-Control": "no-store",
  };
}
