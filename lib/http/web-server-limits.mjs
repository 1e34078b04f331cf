// Time bounds of the web server (scripts/web-server.mjs, plain Node).
//
// Node's defaults let a client hold a connection for 5 minutes by sending a
// request slowly (requestTimeout 300 s, checked every 30 s): hundreds of
// uploads that declare a length and then trickle bytes tie the server up.
// Here the headers must arrive within WEB_HEADERS_TIMEOUT_MS, a whole request
// within WEB_REQUEST_TIMEOUT_MS, and an ingest body (POST /api/v1/call-records,
// the one route that takes large bodies from machines) within
// INGEST_BODY_TIMEOUT_MS of its headers; each answered 408 and closed.
import http from "node:http";

export const TIMEOUT_DEFAULTS = Object.freeze({
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  ingestBodyTimeoutMs: 30_000,
});

const INGEST_PATH = "/api/v1/call-records";

/**
 * The server's time bounds from the environment, defaults for what is unset.
 * @param {Record<string, string | undefined>} env
 * @returns {{ headersTimeoutMs: number; requestTimeoutMs: number; ingestBodyTimeoutMs: number }}
 */
export function timeoutSettings(env) {
  /** @param {string} name @param {number} fallback */
  const ms = (name, fallback) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 3_600_000)
      throw new Error(
        `${name} must be a whole number of milliseconds between 1 and 3600000, not ${JSON.stringify(raw)}`,
      );
    return n;
  };
  const requestTimeoutMs = ms("WEB_REQUEST_TIMEOUT_MS", TIMEOUT_DEFAULTS.requestTimeoutMs);
  return {
    // Node refuses a headers timeout longer than the request's.
    headersTimeoutMs: Math.min(ms("WEB_HEADERS_TIMEOUT_MS", TIMEOUT_DEFAULTS.headersTimeoutMs), requestTimeoutMs),
    requestTimeoutMs,
    ingestBodyTimeoutMs: ms("INGEST_BODY_TIMEOUT_MS", TIMEOUT_DEFAULTS.ingestBodyTimeoutMs),
  };
}

/**
 * Answers 408 and closes the connection when an ingest body has not fully
 * arrived in time (Next would wait for it as long as the client likes).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} timeoutMs
 */
function boundIngestBody(req, res, timeoutMs) {
  if (req.method !== "POST" || !(req.url ?? "").startsWith(INGEST_PATH)) return;
  const timer = setTimeout(() => {
    if (req.complete) return;
    const seconds = Math.round(timeoutMs / 100) / 10;
    const body = JSON.stringify({
      error: {
        code: "request_timeout",
        message: `the request body did not arrive within ${seconds} s`,
        details: { timeoutMs },
      },
    });
    if (res.headersSent) return void req.socket.destroy();
    res.writeHead(408, {
      "Content-Type": "application/json",
      Connection: "close",
      "Content-Length": Buffer.byteLength(body),
    });
    res.end(body, () => req.socket.destroy());
  }, timeoutMs);
  timer.unref();
  const clear = () => clearTimeout(timer);
  req.once("end", clear);
  req.once("close", clear);
  res.once("finish", clear);
}

/**
 * The HTTP server with its time bounds; `handler` serves each request.
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void} handler
 * @param {{ headersTimeoutMs: number; requestTimeoutMs: number; ingestBodyTimeoutMs: number }} settings
 */
export function createBoundedServer(handler, settings) {
  return http.createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Node looks for expired requests this often (30 s by default, which would stretch every bound).
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(settings.headersTimeoutMs / 4))),
    },
    (req, res) => {
      boundIngestBody(req, res, settings.ingestBodyTimeoutMs);
      handler(req, res);
    },
  );
}
