import { poolStats } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { PEER_ADDRESS_HEADER, peerAddressServed } from "@/lib/http/peer-address.mjs";
import { registerDatabaseGauges } from "@/lib/metrics/database";
import { metricsAccess, metricsDenied, metricsText } from "@/lib/metrics/exposition";
import { collectProcessMetrics, registerPoolGauges } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this web instance, plus the shared state read from the database (docs/operations.md). */
export async function GET(request: Request) {
  const peer = peerAddressServed() ? request.headers.get(PEER_ADDRESS_HEADER) : null;
  const access = metricsAccess(request.headers.get("authorization"), peer, getEnv().METRICS_TOKEN);
  if (access !== "ok") return metricsDenied(access);
  collectProcessMetrics();
  registerPoolGauges(poolStats);
  registerDatabaseGauges();
  const { body, contentType } = await metricsText();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
