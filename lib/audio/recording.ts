import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { lookup } from "node:dns";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { isPublicAddress, UpstreamRefused } from "./address-guard";
import { safeDecodeURIComponent } from "../input/schema";
import { serveFile } from "./serve-file";

export { parseRange, serveFile } from "./serve-file";

/**
 * Streams a record's recording to the browser with Range support. The
 * console's own demo recordings are read from public/; anything else is
 * fetched only from AUDIO_ALLOWED_HOSTS, only over http(s), and only from
 * public addresses — checked when each connection is made (so DNS rebinding
 * does not help) and again for every redirect — with a time and size cap.
 * The archiver (lib/audio/archiver.ts) fetches through the same guard.
 */

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;
const DEMO_PREFIX = "/demo-audio/";
export const AUDIO_TYPES: Record<string, string> = {
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  wav: "audio/wav",
  m4a: "audio/mp4",
};

/** The media types a recording may come as (audio, video containers such as MP4, or bytes without a type). */
export function isRecordingType(contentType: string): boolean {
  return /^(audio\/[\w.+-]+|video\/[\w.+-]+|application\/octet-stream)$/.test(
    contentType.split(";")[0]!.trim().toLowerCase(),
  );
}

export interface UpstreamOptions {
  range: string | null;
  /** Origins whose /demo-audio/ links are the console's own files in publicDir. */
  ownOrigins: string[];
  allowedHosts: string[];
  publicDir: string;
  maxBytes?: number;
  timeoutMs?: number;
  /**
   * Which resolved addresses may be connected to. Always `isPublicAddress` in
   * the product; tests pass a policy that also admits their one loopback
   * server, to exercise redirects and upstream answers end to end.
   */
  addressPolicy?: (address: string) => boolean;
}

export class RecordingUnavailable extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Values the UI puts into its own sentence for the code (`host`, `status`). */
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/**
 * The error answer of the audio route: a stable `code` (the player says it in
 * the user's language), `details` for that sentence, and an English `message` for logs and scripts.
 */
export function unavailable(
  status: number,
  code: string,
  message: string,
  details: Record<string, string | number> = {},
): Response {
  return Response.json(
    { error: { code, message: `recording unavailable: ${message}`, details } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** The file behind one of the console's own demo links, or why there is none. */
export function demoFile(pathname: string, publicDir: string): { file: string; type: string } {
  const name = safeDecodeURIComponent(pathname.slice(DEMO_PREFIX.length));
  if (name === null)
    throw new RecordingUnavailable(400, "invalid_link", "the recording's link has a broken percent-escape");
  if (!/^[\w.-]+\.(mp3|ogg|wav|m4a)$/.test(name))
    throw new RecordingUnavailable(404, "not_found", "no such demo recording");
  return { file: path.join(publicDir, "demo-audio", name), type: AUDIO_TYPES[name.split(".").pop()!]! };
}

function guardedLookup(policy: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as unknown as { address: string; family: number }[];
      const bad = list.find((a) => !policy(a.address));
      if (bad || !list.length)
        return callback(new UpstreamRefused(`the recording's host ${hostname} points at a private address`), "", 4);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function get(
  url: URL,
  range: string | null,
  timeoutMs: number,
  policy: (address: string) => boolean,
): Promise<http.IncomingMessage> {
  // A literal address is never looked up, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !policy(literal)) {
    return Promise.reject(new UpstreamRefused(`the recording's host ${url.host} is a private address`));
  }
  return new Promise((resolve, reject) => {
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.get(
      url,
      { lookup: guardedLookup(policy), headers: range ? { Range: range } : {}, timeout: timeoutMs },
      resolve,
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on("error", reject);
  });
}

const megabytes = (n: number) => `${Number((n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0))} MB`;

/** Passes bytes through until `max`, then fails the stream (a server that lies about its length). */
function capped(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max)
        return done(new RecordingUnavailable(502, "too_large", `the recording is larger than ${megabytes(max)}`));
      done(null, chunk);
    },
  });
}

export interface Upstream {
  status: 200 | 206;
  headers: { contentType: string; contentLength: string | null; contentRange: string | null };
  body: Readable;
}

/**
 * Opens a recording link through the guard: the console's own demo files, or
 * an allowed host at a public address (each redirect hop checked again).
 * Throws RecordingUnavailable saying why not.
 */
export async function fetchUpstream(rawUrl: string | null, opts: UpstreamOptions): Promise<Upstream> {
  if (!rawUrl) throw new RecordingUnavailable(404, "no_recording", "this call has no recording");
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy = opts.addressPolicy ?? isPublicAddress;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new RecordingUnavailable(422, "bad_link", "the link is not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new RecordingUnavailable(422, "bad_link", "only http and https links are played");
  const own = ownDemoPath(rawUrl, opts.ownOrigins);
  if (own) {
    const { file, type } = demoFile(own, opts.publicDir);
    // Paths chosen at run time (the demo's files, the archive): not for the build to trace.
    const info = await stat(/*turbopackIgnore: true*/ file).catch(() => null);
    if (!info?.isFile()) throw new RecordingUnavailable(404, "not_found", "no such demo recording");
    return {
      status: 200,
      headers: { contentType: type, contentLength: String(info.size), contentRange: null },
      body: createReadStream(/*turbopackIgnore: true*/ file),
    };
  }

  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!opts.allowedHosts.includes(url.host.toLowerCase())) {
      throw new RecordingUnavailable(403, "host_not_allowed", `${url.host} is not in AUDIO_ALLOWED_HOSTS`, {
        host: url.host,
      });
    }
    let res: http.IncomingMessage;
    try {
      res = await get(url, opts.range, timeoutMs, policy);
    } catch (err) {
      throw new RecordingUnavailable(
        502,
        err instanceof UpstreamRefused ? "refused" : "upstream_failed",
        (err as Error).message,
      );
    }
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      url = new URL(res.headers.location, url);
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new RecordingUnavailable(422, "bad_link", "redirected to a non-http link");
      continue; // the next hop is checked like the first
    }
    if (status === 416) {
      res.resume();
      throw new RecordingUnavailable(416, "range_not_satisfiable", "the requested range is outside the recording");
    }
    if (status !== 200 && status !== 206) {
      res.resume();
      throw new RecordingUnavailable(
        502,
        "upstream_status",
        status === 403 || status === 404 || status === 410 ? `link expired (${status} upstream)` : `${status} upstream`,
        { status },
      );
    }
    // Only recordings are passed on: an allowed host answering a page (text/html with a script) must not have it served from the console's origin.
    const contentType = String(res.headers["content-type"] ?? "application/octet-stream");
    if (!isRecordingType(contentType)) {
      res.resume();
      throw new RecordingUnavailable(
        502,
        "not_audio",
        `the link answered ${contentType.split(";")[0]!.trim().toLowerCase() || "no type"}, not a recording`,
      );
    }
    const length = Number(res.headers["content-length"] ?? 0);
    if (length > maxBytes) {
      res.destroy();
      throw new RecordingUnavailable(502, "too_large", `the recording is larger than ${megabytes(maxBytes)}`);
    }
    const body = res.pipe(capped(maxBytes));
    res.on("error", (err) => body.destroy(err));
    return {
      status,
      headers: {
        contentType,
        contentLength: res.headers["content-length"] ? String(res.headers["content-length"]) : null,
        contentRange: res.headers["content-range"] ? String(res.headers["content-range"]) : null,
      },
      body,
    };
  }
  throw new RecordingUnavailable(502, "too_many_redirects", `more than ${MAX_REDIRECTS} redirects`);
}

function ownDemoPath(rawUrl: string | null, ownOrigins: string[]): string | null {
  if (!rawUrl || !URL.canParse(rawUrl)) return null;
  const url = new URL(rawUrl);
  return ownOrigins.includes(url.origin) && url.pathname.startsWith(DEMO_PREFIX) ? url.pathname : null;
}

/** The live link as a response: the demo file with Range, or the upstream's answer passed through. */
export async function openRecording(rawUrl: string | null, opts: UpstreamOptions): Promise<Response> {
  try {
    const own = ownDemoPath(rawUrl, opts.ownOrigins);
    if (own) {
      const { file, type } = demoFile(own, opts.publicDir);
      const res = await serveFile(file, { type, range: opts.range, cacheControl: "private, max-age=3600" });
      return res ?? unavailable(404, "not_found", "no such demo recording");
    }
    const up = await fetchUpstream(rawUrl, opts);
    const headers: Record<string, string> = {
      "Content-Type": up.headers.contentType,
      "Accept-Ranges": "bytes",
      "Cache-Control": "private, max-age=600",
    };
    if (up.headers.contentLength) headers["Content-Length"] = up.headers.contentLength;
    if (up.headers.contentRange) headers["Content-Range"] = up.headers.contentRange;
    return new Response(Readable.toWeb(up.body) as ReadableStream<Uint8Array>, { status: up.status, headers });
  } catch (err) {
    if (err instanceof RecordingUnavailable) {
      if (err.status === 416) return new Response(null, { status: 416, headers: { "Cache-Control": "no-store" } });
      return unavailable(err.status, err.code, err.message, err.details);
    }
    throw err;
  }
}
