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
import { parseArgs } from "node:util";

const INGEST_PATH = "/api/v1/call-records";

/**
 * The web server's settings from its command line. Its launchers (npm start, npm run web, the benchmark)
 * read them through lib/env (scripts/lib/web-server-command.ts), which validates and documents them, and
 * hand every one over: a missing or malformed flag stops the server at once, naming it.
 * @param {string[]} argv
 * @returns {{ dev: boolean; hostname: string; port: number; graceMs: number; limits: { headersTimeoutMs: number; requestTimeoutMs: number; ingestBodyTimeoutMs: number } }}
 */
export function serverOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      dev: { type: "boolean", default: false },
      host: { type: "string", short: "H" },
      port: { type: "string", short: "p" },
      "grace-ms": { type: "string" },
      "headers-timeout-ms": { type: "string" },
      "request-timeout-ms": { type: "string" },
      "ingest-body-timeout-ms": { type: "string" },
    },
  });
  /** @param {"host" | "port" | "grace-ms" | "headers-timeout-ms" | "request-timeout-ms" | "ingest-body-timeout-ms"} name */
  const given = (name) => {
    const raw = values[name];
    if (raw === undefined || raw === "")
      throw new Error(`--${name} is missing (the launchers give it: npm start, npm run web)`);
    return raw;
  };
  /** @param {"port" | "grace-ms" | "headers-timeout-ms" | "request-timeout-ms" | "ingest-body-timeout-ms"} name @param {number} min @param {number} max */
  const int = (name, min, max) => {
    const raw = given(name);
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max)
      throw new Error(`--${name} must be a whole number between ${min} and ${max}, not ${JSON.stringify(raw)}`);
    return n;
  };
  const requestTimeoutMs = int("request-timeout-ms", 1, 3_600_000);
  return {
    dev: values.dev === true,
    hostname: given("host"),
    port: int("port", 1, 65_535),
    graceMs: int("grace-ms", 0, 600_000),
    limits: {
      // Node refuses a headers timeout longer than the request's.
      headersTimeoutMs: Math.min(int("headers-timeout-ms", 1, 3_600_000), requestTimeoutMs),
      requestTimeoutMs,
      ingestBodyTimeoutMs: int("ingest-body-timeout-ms", 1, 3_600_000),
    },
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
