/**
 * The web app's HTTP server: Next's request handler behind a plain Node
 * server, so that the app knows the address of the connection a request came
 * on (lib/http/peer-address.mjs says why `next start` cannot tell it).
 *
 *   node scripts/web-server.mjs [--dev] -H <host> -p <port> --grace-ms <ms>
 *     --headers-timeout-ms <ms> --request-timeout-ms <ms> --ingest-body-timeout-ms <ms>
 *
 * scripts/start.ts and scripts/web.ts run it (in place of `next start` /
 * `next dev`) and hand it its settings, read through lib/env, as flags
 * (scripts/lib/web-server-command.ts): it reads no environment of its own.
 * It also stamps each request's X-Request-Id, times requests for /metrics,
 * and on SIGINT/SIGTERM drains: stops accepting, lets requests in flight
 * finish (up to SHUTDOWN_GRACE_MS), then closes the database pool.
 */
import next from "next";
import { trackRequests } from "../lib/http/graceful.mjs";
import { markPeerAddressServed, stampPeerAddress } from "../lib/http/peer-address.mjs";
import { requestContext, requestIdFor } from "../lib/http/request-context.mjs";
import { createBoundedServer, serverOptions } from "../lib/http/web-server-limits.mjs";
import { observeRequest } from "../lib/metrics/http.mjs";

// Read before Next starts: a missing or bad setting stops the server at once, saying which.
const { dev, hostname, port, graceMs, limits } = serverOptions(process.argv.slice(2));
markPeerAddressServed();
const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();

const requests = requestContext();
const server = createBoundedServer((req, res) => {
  stampPeerAddress(req);
  const requestId = requestIdFor(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  observeRequest(req, res);
  requests.run({ requestId }, () =>
    handle(req, res).catch((err) => {
      console.error(`[web] failed to handle ${req.method} ${req.url} (request ${requestId}):`, err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
}, limits);
const tracked = trackRequests(server);

let closing = false;
async function close(signal) {
  if (closing) return;
  closing = true;
  const inFlight = tracked.inFlight();
  console.log(`[web] ${signal}: no new connections; ${inFlight} request(s) in flight get up to ${graceMs} ms`);
  const finished = await tracked.drain(graceMs);
  if (!finished) console.error(`[web] ${tracked.inFlight()} request(s) still running after ${graceMs} ms were cut off`);
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
  await app.close().catch(() => {});
  // The app's database pool (lib/db/client.ts keeps it on globalThis): its connections end cleanly.
  await globalThis.lvrPool?.end().catch(() => {});
  process.exit(signal === "SIGINT" ? 130 : 0);
}
process.on("SIGINT", () => void close("SIGINT"));
process.on("SIGTERM", () => void close("SIGTERM"));

await app.prepare();
server.on("error", (err) => {
  console.error(`[web] ${err.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  console.log(
    `[web] Next.js ${dev ? "dev server" : "production build"} listening on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`,
  );
});
