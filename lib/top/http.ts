import http from "node:http";
import https from "node:https";

/**
 * One POST of a form body, with a connect timeout, a total timeout, an
 * AbortSignal and keep-alive connection reuse (one agent per client).
 */

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export class TransportError extends Error {
  override name = "TransportError";
  constructor(
    message: string,
    readonly reason: "connect_timeout" | "timeout" | "aborted" | "network",
  ) {
    super(message);
  }
}

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

export function createAgents(): Agents {
  const opts = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, scheduling: "lifo" as const };
  return { http: new http.Agent(opts), https: new https.Agent(opts) };
}

const MAX_ANSWER_BYTES = 1024 * 1024;

export function postForm(
  url: URL,
  body: string,
  opts: { agents: Agents; connectTimeoutMs: number; timeoutMs: number; signal?: AbortSignal },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new TransportError("aborted before sending", "aborted"));
    const isHttps = url.protocol === "https:";
    const payload = Buffer.from(body, "utf8");
    const req = (isHttps ? https : http).request(url, {
      method: "POST",
      agent: isHttps ? opts.agents.https : opts.agents.http,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "Content-Length": payload.length,
        Accept: "application/json, text/xml",
        "User-Agent": "lvr-console",
      },
    });

    let settled = false;
    const fail = (err: TransportError) => {
      if (settled) return;
      settled = true;
      cleanup();
      req.destroy();
      reject(err);
    };
    const total = setTimeout(
      () => fail(new TransportError(`no answer within ${opts.timeoutMs} ms`, "timeout")),
      opts.timeoutMs,
    );
    let connect: NodeJS.Timeout | undefined;
    const onAbort = () => fail(new TransportError("aborted", "aborted"));
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(total);
      if (connect) clearTimeout(connect);
      opts.signal?.removeEventListener("abort", onAbort);
    };

    req.on("socket", (socket) => {
      // A reused keep-alive socket is already connected.
      if (!socket.connecting) return;
      connect = setTimeout(
        () => fail(new TransportError(`could not connect within ${opts.connectTimeoutMs} ms`, "connect_timeout")),
        opts.connectTimeoutMs,
      );
      socket.once(isHttps ? "secureConnect" : "connect", () => clearTimeout(connect));
    });
    req.on("error", (err) => fail(new TransportError(err.message, "network")));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) fail(new TransportError("answer larger than 1 MiB", "network"));
        else chunks.push(chunk);
      });
      res.on("error", (err) => fail(new TransportError(err.message, "network")));
      res.on("end", () => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.end(payload);
  });
}
