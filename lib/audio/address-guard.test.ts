import { describe, expect, it } from "vitest";
import { assertPublicHost, isPublicAddress } from "./address-guard";

describe("recording address guard", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
  ])("refuses %s", (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(["8.8.8.8", "1.1.1.1", "47.96.0.1", "172.32.0.1", "2400:3200::1"])("allows %s", (ip) =>
    expect(isPublicAddress(ip)).toBe(true),
  );

  it("checks what a name resolves to, not the name", async () => {
    await expect(assertPublicHost("localhost")).rejects.toThrow(/points at a private address/);
    await expect(assertPublicHost("[::1]")).rejects.toThrow(/private address \(::1\)/);
    await expect(assertPublicHost("no-such-host.invalid")).rejects.toThrow(/does not resolve/);
  });
});
