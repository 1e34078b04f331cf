/**
 * The web app's HTTP server: Next's request handler behind a plain Node
 * server, so that the app knows the address of the connection a request came
 * on (lib/http/peer-address.mjs says why `next start` cannot tell it).
 *
 *   node scripts/web-server.mjs [--dev] -H <host> -p <port>
 *
 * scripts/start.ts runs it (in place of `next start` / `next dev`); SIGINT and
 * SIGTERM close it.
 */
import next from "next";
import { markPeerAddressServed, stampPeerAddress } from "../lib/http/peer-address.mjs";
import { createBoundedServer, timeoutSettings } from "../lib/http/web-server-limits.mjs";

function arg(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const dev = process.argv.includes("--dev");
const hostname = arg("-H", process.env.HOST || "127.0.0.1");
const port = Number(arg("-p", process.env.PORT || 3000));

// Read before Next starts: a bad setting stops the server at once, saying which.
const limits = timeoutSettings(process.env);
markPeerAddressServed();
const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();

const server = createBoundedServer((req, res) => {
  stampPeerAddress(req);
  handle(req, res).catch((err) => {
    console.error(`[web] failed to handle ${req.method} ${req.url}:`, err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
}, limits);

let closing = false;
async function close(signal) {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections();
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
  await app.close().catch(() => {});
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
  console.log(`[web] Next.js ${dev ? "dev server" : "production build"} listening on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`);
});
