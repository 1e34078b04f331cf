import { checkHealth } from "@/lib/health/data";

export const dynamic = "force-dynamic";

/**
 * Liveness: 200 while the process serves HTTP, whatever the database's state
 * (reported in the body; readiness is /api/ready). An orchestrator that
 * restarted web instances for a database outage would only add to it.
 */
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, { status: 200, headers: { "Cache-Control": "no-store" } });
}
