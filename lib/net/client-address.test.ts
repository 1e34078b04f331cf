import { describe, expect, it } from "vitest";
import { parseIp, parseTrustedProxies, rateLimitKey, resolveClientAddress, TrustedProxies } from "./client-address";

const none = new TrustedProxies([]);
const trust = (spec: string) => {
  const parsed = parseTrustedProxies(spec);
  if (!parsed.ok) throw new Error(`invalid: ${parsed.invalid.join(", ")}`);
  return new TrustedProxies(parsed.ranges);
};

describe("resolveClientAddress without trusted proxies", () => {
  it("is the socket's address, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: "198.51.100.1", trusted: none })).toBe(
      "203.0.113.7",
    );
    expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: "198.51.100.1, 127.0.0.1", trusted: none })).toBe(
      "203.0.113.7",
    );
    expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: null, trusted: none })).toBe("203.0.113.7");
  });

  it("is null when the socket's address is unknown, even with a header", () => {
    expect(resolveClientAddress({ peer: null, forwardedFor: "198.51.100.1", trusted: none })).toBeNull();
    expect(resolveClientAddress({ peer: "", forwardedFor: "198.51.100.1", trusted: trust("0.0.0.0/0") })).toBeNull();
    expect(
      resolveClientAddress({ peer: "not an address", forwardedFor: "198.51.100.1", trusted: trust("0.0.0.0/0") }),
    ).toBeNull();
  });

  it("writes the socket's address canonically (IPv4-mapped IPv6 as IPv4)", () => {
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: null, trusted: none })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "2001:DB8:0:0::1", forwardedFor: null, trusted: none })).toBe("2001:db8::1");
  });
});

describe("resolveClientAddress behind trusted proxies", () => {
  const proxies = trust("10.0.0.0/8, 192.0.2.10, fd00::/8");

  it("is the right-most X-Forwarded-For entry that is not a trusted proxy", () => {
    // client 198.51.100.1 → proxy 10.0.0.2 → proxy 10.0.0.3 → console
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "198.51.100.1, 10.0.0.2", trusted: proxies })).toBe(
      "198.51.100.1",
    );
    expect(resolveClientAddress({ peer: "192.0.2.10", forwardedFor: "198.51.100.1", trusted: proxies })).toBe(
      "198.51.100.1",
    );
    expect(resolveClientAddress({ peer: "fd00::5", forwardedFor: "2001:db8::42", trusted: proxies })).toBe(
      "2001:db8::42",
    );
  });

  it("ignores what the client itself wrote to the left of it", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1, 10.0.0.9"; the proxy appended the real address.
    expect(
      resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "1.1.1.1, 10.0.0.9, 198.51.100.1", trusted: proxies }),
    ).toBe("198.51.100.1");
  });

  it("reads several header lines as one list, in order", () => {
    expect(
      resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "6.6.6.6,198.51.100.1,10.0.0.2", trusted: proxies }),
    ).toBe("198.51.100.1");
  });

  it("does not believe the header from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress({ peer: "198.51.100.9", forwardedFor: "198.51.100.1", trusted: proxies })).toBe(
      "198.51.100.9",
    );
  });

  it("is the proxy itself when it sent no X-Forwarded-For", () => {
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: null, trusted: proxies })).toBe("10.0.0.3");
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "", trusted: proxies })).toBe("10.0.0.3");
  });

  it("is the farthest hop when every hop is a trusted proxy", () => {
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "10.0.0.1, 10.0.0.2", trusted: proxies })).toBe(
      "10.0.0.1",
    );
  });

  it("accepts ports and brackets in entries, and writes them canonically", () => {
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "198.51.100.1:51234", trusted: proxies })).toBe(
      "198.51.100.1",
    );
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "[2001:DB8::1]:443", trusted: proxies })).toBe(
      "2001:db8::1",
    );
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: " ::ffff:198.51.100.1 ", trusted: proxies })).toBe(
      "198.51.100.1",
    );
  });

  it("stops at a malformed entry: the answer is the last trusted hop, never the garbage or what lies left of it", () => {
    for (const garbage of [
      "unknown",
      "",
      "_hidden",
      "evil.example",
      "1.2.3.4.5",
      "999.1.1.1",
      "01.2.3.4",
      "1.2.3.4 5.6.7.8",
      '"1.2.3.4"',
      "[1.2.3.4]x",
      "x".repeat(5000),
    ]) {
      expect(
        resolveClientAddress({ peer: "10.0.0.3", forwardedFor: `198.51.100.1, ${garbage}`, trusted: proxies }),
      ).toBe("10.0.0.3");
      expect(
        resolveClientAddress({
          peer: "10.0.0.3",
          forwardedFor: `198.51.100.1, ${garbage}, 10.0.0.2`,
          trusted: proxies,
        }),
      ).toBe("10.0.0.2");
    }
    // Garbage left of the client's own entry does not matter.
    expect(resolveClientAddress({ peer: "10.0.0.3", forwardedFor: "unknown, ,, 198.51.100.1", trusted: proxies })).toBe(
      "198.51.100.1",
    );
  });
});

describe("parseIp", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["192.0.2.1:80", "192.0.2.1"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["[::1]:3000", "::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::ffff:c000:201", "192.0.2.1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
  ])("%s → %s", (raw, canonical) => expect(parseIp(raw)).toBe(canonical));

  it.each([
    "",
    "localhost",
    "1.2.3",
    "256.0.0.1",
    "1.2.3.4:",
    "1.2.3.4:99999x",
    "::1:80:",
    "[::1",
    "2001:db8::1::2",
    "1.2.3.4/8",
  ])("refuses %j", (raw) => expect(parseIp(raw)).toBeNull());
});

describe("parseTrustedProxies (TRUSTED_PROXY)", () => {
  it("takes addresses and CIDR ranges, comma-separated, canonically", () => {
    expect(parseTrustedProxies("")).toEqual({ ok: true, ranges: [] });
    expect(parseTrustedProxies(" 127.0.0.1 , ::1,10.0.0.0/8,FD00::/8,, ")).toEqual({
      ok: true,
      ranges: ["127.0.0.1/32", "::1/128", "10.0.0.0/8", "fd00::/8"],
    });
  });

  it("names the entries that are not addresses or ranges", () => {
    expect(parseTrustedProxies("10.0.0.0/33, proxy.internal, 127.0.0.1, ::1/129, 10.0.0.1:80, [::1], true")).toEqual({
      ok: false,
      invalid: ["10.0.0.0/33", "proxy.internal", "::1/129", "10.0.0.1:80", "[::1]", "true"],
    });
  });

  it("matches addresses in the ranges", () => {
    const proxies = trust("10.0.0.0/8, 2001:db8::/32, 192.0.2.10");
    expect(["10.255.0.1", "2001:db8:ffff::1", "192.0.2.10"].map((a) => proxies.has(a))).toEqual([true, true, true]);
    expect(["11.0.0.1", "2001:db9::1", "192.0.2.11", "garbage"].map((a) => proxies.has(a))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("rateLimitKey", () => {
  it("is the IPv4 address itself and the /64 of an IPv6 address", () => {
    expect(rateLimitKey("198.51.100.1")).toBe("198.51.100.1");
    expect(rateLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitKey("unknown")).toBe("unknown");
  });
});
