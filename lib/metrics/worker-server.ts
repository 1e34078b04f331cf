import http from "node:http";
import { metricsAccess, metricsText } from "./exposition";

/**
 * The worker's own HTTP endpoint (WORKER_METRICS_PORT): /metrics with what
 * only the worker knows (TOP calls and their latency, limiter waits, bans,
 * its pool), /api/health, and /api/ready (its last heartbeat reached the
 * database). Same access rule as the web app's /metrics.
 */
export function startWorkerMetricsServer(opts: {
  port: number;
  host?: string;
  token?: string;
  ready: () => boolean;
}): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/api/health") return json(res, 200, { status: "ok" });
    if (path === "/api/ready") return json(res, opts.ready() ? 200 : 503, { ready: opts.ready() });
    if (path !== "/metrics")
      return json(res, 404, { error: { code: "not_found", message: "Not found.", details: {} } });
    const access = metricsAccess(req.headers.authorization ?? null, req.socket.remoteAddress ?? null, opts.token);
    if (access !== "ok")
      return json(res, access === "unauthorized" ? 401 : 403, {
        error: { code: access, message: "Not allowed.", details: {} },
      });
    metricsText().then(
      ({ body, contentType }) => {
        res.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-store" });
        res.end(body);
      },
      () =>
        json(res, 500, { error: { code: "metrics_failed", message: "Metrics could not be collected.", details: {} } }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve(server));
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}
