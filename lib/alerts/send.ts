import "server-only";
import { lookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress, UpstreamRefused } from "../audio/address-guard";
import type { OutboundRequest } from "./render";

/**
 * Posts one alert. Admins choose the URLs, so every address a receiver's name
 * resolves to must be public (the recording fetcher's guard), unless its
 * host[:port] is listed in ALERT_PRIVATE_HOSTS (an internal receiver on
 * purpose). Redirects are not followed: a receiver that moved is a failure to fix.
 */

export interface SendOptions {
  timeoutMs: number;
  /** host[:port] entries, lower case, that may be at private addresses. */
  privateHosts: readonly string[];
  /** Which addresses count as public (tests narrow it to their loopback receiver). */
  addressPolicy?: (address: string) => boolean;
}

export interface SendResult {
  status: number | null;
  body: string;
  error: string | null;
  durationMs: number;
}

const KEEP_BODY = 1_000;
const READ_AT_MOST = 64 * 1024;

function guardedLookup(allowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as { address: string; family: number }[];
      const bad = list.find((a) => !allowed(a.address));
      if (bad) return callback(new UpstreamRefused(`${hostname} points at a private address`), "", 0);
      if (options.all) return callback(null, list as never, 0);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export async function sendRequest(request: OutboundRequest, opts: SendOptions): Promise<SendResult> {
  const started = Date.now();
  const done = (r: Omit<SendResult, "durationMs">): SendResult => ({ ...r, durationMs: Date.now() - started });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return done({ status: null, body: "", error: "the channel's URL is not a URL" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return done({ status: null, body: "", error: "only http and https URLs are delivered to" });
  const privateOk = opts.privateHosts.includes(url.host.toLowerCase());
  const policy = opts.addressPolicy ?? isPublicAddress;
  const allowed = (address: string) => privateOk || policy(address);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !allowed(literal))
    return done({
      status: null,
      body: "",
      error: `${url.host} is a private address (list it in ALERT_PRIVATE_HOSTS to allow it)`,
    });
  return new Promise((resolve) => {
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.request(
      url,
      {
        method: "POST",
        headers: {
          ...request.headers,
          "content-length": Buffer.byteLength(request.body),
          "user-agent": "lvr-console-alerts",
        },
        lookup: guardedLookup(allowed),
        timeout: opts.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < READ_AT_MOST) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8").slice(0, KEEP_BODY);
          resolve(done({ status: res.statusCode ?? null, body, error: null }));
        });
        res.on("error", (err) =>
          resolve(done({ status: res.statusCode ?? null, body: "", error: `the answer broke off: ${err.message}` })),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${opts.timeoutMs / 1000} s`)));
    req.on("error", (err) => {
      const why =
        err instanceof UpstreamRefused
          ? `${err.message} (list it in ALERT_PRIVATE_HOSTS to allow it)`
          : `could not reach the receiver: ${err.message}`;
      resolve(done({ status: null, body: "", error: why }));
    });
    req.end(request.body);
  });
}
