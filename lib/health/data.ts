import "server-only";
import { prisma } from "../db/client";

export interface HealthReport {
  status: "ok" | "degraded";
  database: { ok: boolean; latencyMs: number; error?: string };
}

export async function checkHealth(): Promise<HealthReport> {
  const started = performance.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return { status: "ok", database: { ok: true, latencyMs: Math.round(performance.now() - started) } };
  } catch (err) {
    return {
      status: "degraded",
      database: { ok: false, latencyMs: Math.round(performance.now() - started), error: (err as Error).message.split("\n")[0] },
    };
  }
}
