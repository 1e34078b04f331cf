import { BlockList, isIP } from "node:net";
import { commaList } from "../input/comma-list";

/**
 * Who is on the other end of a request: the one place that decides it (the
 * sign-in rate limit and the audit trail both use it).
 *
 * The starting point is the address of the TCP connection (the "peer"), which
 * the web server (scripts/web-server.mjs) hands over in PEER_ADDRESS_HEADER.
 * When that peer is not a trusted proxy, it is the client and any
 * X-Forwarded-For it sent is ignored: anyone can write that header. When the
 * peer is a trusted proxy (TRUSTED_PROXY), X-Forwarded-For is read from the
 * right, skipping trusted proxies, and the first address that is not one is
 * the client: every entry to its right was appended by a proxy we trust,
 * everything to its left was written by the client and is not believed.
 *
 * Addresses come back canonical (IPv6 lower-case and compressed, IPv4-mapped
 * IPv6 as plain IPv4) so that one client is always one key.
 */

/** A trusted proxy: one address or a CIDR range, canonical (`10.0.0.0/8`, `::1/128`). */
export type ProxyRange = string;

/**
 * Parses one address as it appears in a socket or an X-Forwarded-For entry:
 * IPv4, IPv6, optionally with a port (`1.2.3.4:5678`, `[2001:db8::1]:443`)
 * or a zone (`fe80::1%eth0`, dropped). Anything else (`unknown`, obfuscated
 * identifiers, host names, garbage) is null.
 */
export function parseIp(raw: string): string | null {
  let s = raw.trim();
  if (!s || s.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  const family = isIP(s);
  if (family === 4) return s; // isIP refuses leading zeros and out-of-range octets
  if (family !== 6) return null;
  let canonical: string;
  try {
    canonical = new URL(`http://[${s.replace(/%.*$/, "")}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return canonical;
}

/** One TRUSTED_PROXY entry (`10.0.0.5`, `10.0.0.0/8`, `::1`, `fd00::/8`) as a canonical range, or null. */
export function parseProxyRange(entry: string): ProxyRange | null {
  const m = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry.trim());
  if (!m) return null;
  const address = parseIp(m[1]!);
  if (!address || /[[\]%]/.test(m[1]!) || /^[\d.]+:\d+$/.test(m[1]!)) return null; // no ports or zones here
  const max = isIP(address) === 4 ? 32 : 128;
  const prefix = m[2] === undefined ? max : Number(m[2]);
  if (prefix > max) return null;
  return `${address}/${prefix}`;
}

/**
 * Parses TRUSTED_PROXY: comma-separated addresses and CIDR ranges. Returns
 * the canonical ranges, or the entries that are not valid.
 */
export function parseTrustedProxies(
  spec: string,
): { ok: true; ranges: ProxyRange[] } | { ok: false; invalid: string[] } {
  const entries = commaList(spec);
  const ranges: ProxyRange[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const range = parseProxyRange(entry);
    if (range) ranges.push(range);
    else invalid.push(entry);
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, ranges };
}

/** A set of trusted proxy ranges to test addresses (as parseIp returns them) against. */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(ranges: readonly ProxyRange[]) {
    for (const range of ranges) {
      const [address, prefix] = range.split("/") as [string, string];
      this.list.addSubnet(address, Number(prefix), isIP(address) === 4 ? "ipv4" : "ipv6");
    }
    this.size = ranges.length;
  }

  has(address: string): boolean {
    if (this.size === 0) return false;
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? "ipv4" : "ipv6");
  }
}

/**
 * The client's address, or null when the connection's own address is unknown
 * (then nothing the request says can be believed either).
 *
 * - `peer`: the socket's remote address.
 * - `forwardedFor`: the X-Forwarded-For header as received (several header
 *   lines joined with commas, as Node and `Headers` do).
 * - `trusted`: the proxies whose X-Forwarded-For entries are believed.
 *
 * A malformed entry stops the walk: the address returned is then the last
 * one a trusted proxy vouched for (the proxy nearest to the garbage), never
 * the garbage and never anything to its left.
 */
export function resolveClientAddress(input: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trusted: TrustedProxies;
}): string | null {
  const peer = input.peer ? parseIp(input.peer) : null;
  if (!peer) return null;
  if (!input.trusted.has(peer) || !input.forwardedFor) return peer;
  const hops = input.forwardedFor.split(",");
  let nearest = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseIp(hops[i]!);
    if (!hop) return nearest;
    if (!input.trusted.has(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}

/**
 * The key a per-address limit counts under: the address itself for IPv4, its
 * /64 network for IPv6 (one subscriber usually holds a whole /64 and can
 * change addresses within it at will).
 */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

function expandIpv6(address: string): string[] | null {
  if (address.includes(".")) return null; // embedded IPv4 forms other than mapped ones: keep as they are
  const [head, tail] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => "0");
  const groups = [...left, ...fill, ...right];
  return groups.length === 8 ? groups.map((g) => parseInt(g, 16).toString(16)) : null;
}
