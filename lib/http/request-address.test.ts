import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const env = vi.hoisted(() => ({ TRUSTED_PROXY: [] as string[] }));
const warn = vi.hoisted(() => vi.fn());
vi.mock("../env", () => ({ getEnv: () => env }));
vi.mock("../log", () => ({ log: () => ({ warn }) }));

const { requestClientAddress, UNKNOWN_ADDRESS } = await import("./request-address");
const { PEER_ADDRESS_HEADER, markPeerAddressServed, stampPeerAddress } = await import("./peer-address.mjs");

const SERVED = Symbol.for("lvr-console.peer-address-header");
const served = (on: boolean) => ((globalThis as Record<symbol, unknown>)[SERVED] = on || undefined);

afterAll(() => served(false));
beforeEach(() => {
  env.TRUSTED_PROXY = [];
  served(true);
});

const headers = (h: Record<string, string>) => new Headers(h);

describe("requestClientAddress", () => {
  it("is the stamped socket address; a spoofed X-Forwarded-For is ignored", () => {
    expect(
      requestClientAddress(
        headers({
          [PEER_ADDRESS_HEADER]: "203.0.113.7",
          "x-forwarded-for": "198.51.100.1",
          "x-real-ip": "198.51.100.2",
        }),
      ),
    ).toBe("203.0.113.7");
  });

  it("follows X-Forwarded-For only as far as TRUSTED_PROXY allows", () => {
    env.TRUSTED_PROXY = ["127.0.0.1/32"];
    expect(
      requestClientAddress(
        headers({ [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1", "x-forwarded-for": "1.1.1.1, 198.51.100.1" }),
      ),
    ).toBe("198.51.100.1");
    expect(
      requestClientAddress(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" })),
    ).toBe("203.0.113.7");
  });

  it("is unknown (and says why, once) when the web server did not stamp the socket address: the header could be forged", () => {
    served(false);
    const forged = headers({ [PEER_ADDRESS_HEADER]: "198.51.100.3", "x-forwarded-for": "198.51.100.1" });
    expect(requestClientAddress(forged)).toBe(UNKNOWN_ADDRESS);
    expect(requestClientAddress(forged)).toBe(UNKNOWN_ADDRESS);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("the web server's stamp", () => {
  const server = http.createServer((req, res) => {
    stampPeerAddress(req);
    const h = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
    res.end(requestClientAddress(h));
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it("replaces whatever the client sent in its header with the connection's address", async () => {
    markPeerAddressServed();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_ADDRESS_HEADER]: "198.51.100.3", "x-forwarded-for": "198.51.100.1" },
    });
    expect(await res.text()).toBe("127.0.0.1");
  });
});
