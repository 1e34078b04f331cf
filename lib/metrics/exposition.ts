import { timingSafeEqual } from "node:crypto";
import { registry } from "./registry";

/**
 * Who may read /metrics: with METRICS_TOKEN set, whoever sends it as a bearer
 * token; without, only clients on this machine (the connection's own
 * address, never a forwarded one).
 */
export function metricsAccess(
  authorization: string | null,
  peer: string | null,
  token: string | undefined,
): "ok" | "unauthorized" | "forbidden" {
  if (token) {
    const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? "ok" : "unauthorized";
  }
  return peer && isLoopback(peer) ? "ok" : "forbidden";
}

export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

export async function metricsText(): Promise<{ body: string; contentType: string }> {
  return { body: await registry.metrics(), contentType: registry.contentType };
}

export function metricsDenied(access: "unauthorized" | "forbidden"): Response {
  return access === "unauthorized"
    ? Response.json(
        { error: { code: "unauthenticated", message: "Send METRICS_TOKEN as a bearer token.", details: {} } },
        { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
      )
    : Response.json(
        {
          error: {
            code: "forbidden",
            message: "Without METRICS_TOKEN, /metrics answers clients on this machine only.",
            details: {},
          },
        },
        { status: 403 },
      );
}
