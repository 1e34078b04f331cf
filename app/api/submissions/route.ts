import { withPermission } from "@/lib/auth/route-guard";
import { errorResponse } from "@/lib/http/error-response";
import { parseInt64Id } from "@/lib/input/schema";
import { batchPage } from "@/lib/submissions/data";
import { batchView } from "@/lib/submissions/views";

export const dynamic = "force-dynamic";

/** One page of batches with live progress (`before`: the page's start, as the page's link has it), for the submissions page to poll. */
export const GET = withPermission("calls:read", async (request: Request) => {
  const raw = new URL(request.url).searchParams.get("before");
  const before = raw === null ? undefined : parseInt64Id(raw);
  if (before === null)
    return errorResponse("invalid_parameter", "invalid parameter: before", [
      { param: "before", message: "must be a batch id" },
    ]);
  const { batches, older } = await batchPage(before);
  return Response.json({ batches: batches.map(batchView), older }, { headers: { "Cache-Control": "no-store" } });
});
