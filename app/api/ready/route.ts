import { checkReadiness } from "@/lib/health/data";

export const dynamic = "force-dynamic";

/** Readiness for load balancers and orchestrators: 200 when this instance can serve, else 503. No session: it tells nothing private. */
export async function GET() {
  const report = await checkReadiness();
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
