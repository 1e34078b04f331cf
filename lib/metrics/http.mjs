// HTTP metrics of the web server (scripts/web-server.mjs, plain Node): the
// request histogram lives in prom-client's default registry, which the app's
// /metrics route reads (prom-client is kept out of Next's server bundle, so
// both see the same module).
import client from "prom-client";

/** @returns {import("prom-client").Histogram<"route" | "method" | "status">} */
function histogram() {
  const existing = client.register.getSingleMetric("lvr_http_request_duration_seconds");
  if (existing) return /** @type {import("prom-client").Histogram<"route" | "method" | "status">} */ (existing);
  return new client.Histogram({
    name: "lvr_http_request_duration_seconds",
    help: "HTTP requests by route pattern, method and status class, from the first byte in to the last byte out.",
    labelNames: ["route", "method", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
}

const NUMERIC = /^\d+$/;
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The route pattern of a path, so that labels stay few: ids become `[id]`,
 * static assets one label, anything after the first two segments dropped.
 * @param {string | undefined} url
 */
export function routeLabel(url) {
  const pathname = (url ?? "/").split("?")[0] ?? "/";
  if (pathname.startsWith("/_next/")) return "/_next/*";
  if (pathname.startsWith("/demo-audio/")) return "/demo-audio/*";
  const parts = pathname
    .split("/")
    .filter(Boolean)
    .slice(0, 4)
    .map((p) => (NUMERIC.test(p) ? "[id]" : p.length > 40 ? "[long]" : p));
  return "/" + parts.join("/");
}

/**
 * Times one request; call once per request.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function observeRequest(req, res) {
  const end = histogram().startTimer();
  res.once("close", () => {
    // Unknown paths (404s) share one label, or a scanner could grow the series without bound.
    const route = res.statusCode === 404 ? "[not found]" : routeLabel(req.url);
    end({
      route,
      method: METHODS.has(req.method ?? "") ? (req.method ?? "GET") : "OTHER",
      status: `${Math.floor(res.statusCode / 100)}xx`,
    });
  });
}
