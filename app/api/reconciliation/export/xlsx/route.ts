import { Readable } from "node:stream";
import { withPermission } from "@/lib/auth/route-guard";
import { attachmentHeaders, exportedReport } from "@/lib/reconciliation/export-request";
import { reconciliationXlsx } from "@/lib/reconciliation/xlsx";

export const dynamic = "force-dynamic";

/** The /reconciliation report as XLSX (same parameters and columns as the CSV); a bad parameter is a 400. */
export const GET = withPermission("reconciliation:read", async (request: Request) => {
  const found = await exportedReport(request);
  if (found instanceof Response) return found;
  return new Response(Readable.toWeb(reconciliationXlsx(found.report)) as ReadableStream<Uint8Array>, {
    headers: attachmentHeaders(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      found.query,
      "xlsx",
    ),
  });
});
