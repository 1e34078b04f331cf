import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { lookup } from "node:dns";
import path from "node:path";
import { Readable } from "node:stream";
import { isPublicAddress, UpstreamRefused } from "./address-guard";

/**
 * Streams a record's recording to the browser with Range support. The
 * console's own demo recordings are read from public/; anything else is
 * fetched only from AUDIO_ALLOWED_HOSTS, only over http(s), and only from
 * public addresses — checked when each connection is made (so DNS rebinding
 * does not help) and again for every redirect — with a time and size cap.
 */

const MAX_BYTES = 100 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;
const DEMO_PREFIX = "/demo-audio/";

export function unavailable(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message: `recording unavailable: ${message}` } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Parses `bytes=a-b` (one range) against a size; null means the whole file. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

async function serveDemoFile(pathname: string, range: string | null, publicDir: string): Promise<Response> {
  const name = decodeURIComponent(pathname.slice(DEMO_PREFIX.length));
  if (!/^[\w.-]+\.(mp3|ogg|wav|m4a)$/.test(name)) return unavailable(404, "not_found", "no such demo recording");
  const file = path.join(publicDir, "demo-audio", name);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return unavailable(404, "not_found", "no such demo recording");
  const type = { mp3: "audio/mpeg", ogg: "audio/ogg", wav: "audio/wav", m4a: "audio/mp4" }[name.split(".").pop()!]!;
  const r = parseRange(range, info.size);
  const headers: Record<string, string> = { "Content-Type": type, "Accept-Ranges": "bytes", "Cache-Control": "private, max-age=3600" };
  if (r === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${info.size}` } });
  const { start, end } = r ?? { start: 0, end: info.size - 1 };
  const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: r ? 206 : 200,
    headers: { ...headers, "Content-Length": String(end - start + 1), ...(r ? { "Content-Range": `bytes ${start}-${end}/${info.size}` } : {}) },
  });
}

/** DNS lookup that refuses private addresses at connection time. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    const list = addresses as unknown as { address: string; family: number }[];
    const bad = list.find((a) => !isPublicAddress(a.address));
    if (bad || !list.length) return callback(new UpstreamRefused(`the recording's host ${hostname} points at a private address`), "", 4);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

function get(url: URL, range: string | null): Promise<http.IncomingMessage> {
  // A literal address is never looked up, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !isPublicAddress(literal)) {
    return Promise.reject(new UpstreamRefused(`the recording's host ${url.host} is a private address`));
  }
  return new Promise((resolve, reject) => {
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.get(url, { lookup: guardedLookup, headers: range ? { Range: range } : {}, timeout: TIMEOUT_MS }, resolve);
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
  });
}

export async function openRecording(
  rawUrl: string | null,
  opts: { range: string | null; ownOrigins: string[]; allowedHosts: string[]; publicDir: string },
): Promise<Response> {
  if (!rawUrl) return unavailable(404, "no_recording", "this call has no recording");
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return unavailable(422, "bad_link", "the link is not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return unavailable(422, "bad_link", "only http and https links are played");
  if (opts.ownOrigins.includes(url.origin) && url.pathname.startsWith(DEMO_PREFIX)) return serveDemoFile(url.pathname, opts.range, opts.publicDir);

  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!opts.allowedHosts.includes(url.host.toLowerCase())) {
      return unavailable(403, "host_not_allowed", `${url.host} is not in AUDIO_ALLOWED_HOSTS`);
    }
    let res: http.IncomingMessage;
    try {
      res = await get(url, opts.range);
    } catch (err) {
      return unavailable(502, err instanceof UpstreamRefused ? "refused" : "upstream_failed", (err as Error).message);
    }
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      url = new URL(res.headers.location, url);
      if (url.protocol !== "http:" && url.protocol !== "https:") return unavailable(422, "bad_link", "redirected to a non-http link");
      continue; // the next hop is checked like the first
    }
    if (status !== 200 && status !== 206) {
      res.resume();
      return unavailable(502, "upstream_status", status === 403 || status === 404 || status === 410 ? `link expired (${status} upstream)` : `${status} upstream`);
    }
    const length = Number(res.headers["content-length"] ?? 0);
    if (length > MAX_BYTES) {
      res.destroy();
      return unavailable(502, "too_large", `the recording is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    }
    const headers: Record<string, string> = { "Content-Type": String(res.headers["content-type"] ?? "application/octet-stream"), "Accept-Ranges": "bytes", "Cache-Control": "private, max-age=600" };
    for (const h of ["content-length", "content-range"] as const) if (res.headers[h]) headers[h] = String(res.headers[h]);
    return new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status, headers });
  }
  return unavailable(502, "too_many_redirects", `more than ${MAX_REDIRECTS} redirects`);
}
