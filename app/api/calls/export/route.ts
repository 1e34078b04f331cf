import { exportCallRecordsCsv } from "@/lib/call-records/export";
import { parseCallFilters } from "@/lib/call-records/filters";
import { withPermission } from "@/lib/auth/route-guard";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** GET /api/calls/export?<the /calls filters>: streamed CSV. */
export const GET = withPermission("calls:export", async (request: Request) => {
  const { filters, errors } = parseCallFilters(new URL(request.url).searchParams);
  if (errors.length) {
    return Response.json({ error: { code: "invalid_filter", message: "some filters are invalid", details: errors } }, { status: 400 });
  }
  const rows = exportCallRecordsCsv(filters, getEnv().DISPLAY_TIME_ZONE, { masked: true });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await rows.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="call-records-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
