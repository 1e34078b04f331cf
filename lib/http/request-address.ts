import { headers } from "next/headers";
import { getEnv } from "../env";
import { log } from "../log";
import { resolveClientAddress, TrustedProxies } from "../net/client-address";
import { PEER_ADDRESS_HEADER, peerAddressServed } from "./peer-address.mjs";

/** What the console records and limits by when the client's address cannot be known. */
export const UNKNOWN_ADDRESS = "unknown";

let trusted: { ranges: readonly string[]; proxies: TrustedProxies } | undefined;
let warned = false;

/**
 * The client address of a request, from its headers (a route handler's
 * `request.headers`, or `await headers()` in a server action): the socket's
 * address as the web server stamped it, and X-Forwarded-For only as far as
 * TRUSTED_PROXY allows (resolveClientAddress decides).
 *
 * Without the web server in front (a bare `next start`) the socket's address
 * is not known, and neither is the client's: UNKNOWN_ADDRESS, with a warning
 * logged once.
 */
export function requestClientAddress(headers: Pick<Headers, "get">): string {
  const ranges = getEnv().TRUSTED_PROXY;
  if (trusted?.ranges !== ranges) trusted = { ranges, proxies: new TrustedProxies(ranges) };
  const address = resolveClientAddress({
    peer: peerAddressServed() ? headers.get(PEER_ADDRESS_HEADER) : null,
    forwardedFor: headers.get("x-forwarded-for"),
    trusted: trusted.proxies,
  });
  if (address) return address;
  if (!warned) {
    warned = true;
    log().warn(
      "client address unknown: the app is not served by scripts/web-server.mjs (npm start), so sign-in attempts from everywhere share one rate limit",
    );
  }
  return UNKNOWN_ADDRESS;
}

/**
 * The client address of the request being served (`headers()`), or undefined
 * outside a request (the worker, the CLI), where `headers()` throws.
 */
export async function currentClientAddress(): Promise<string | undefined> {
  let h: Awaited<ReturnType<typeof headers>>;
  try {
    h = await headers();
  } catch {
    return undefined;
  }
  return requestClientAddress(h);
}
