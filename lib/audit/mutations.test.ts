import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "../db/client";
import { markPeerAddressServed, PEER_ADDRESS_HEADER } from "../http/peer-address.mjs";

let request: Headers | null = null;
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!request) throw new Error("`headers` was called outside a request scope");
    return request;
  },
}));
const { recordAudit } = await import("./mutations");

const detailsOf = async (target: string) => (await prisma.auditEvent.findFirstOrThrow({ where: { target } })).details;

describe("audit trail", () => {
  it("records the client's address with every event recorded while serving a request", async () => {
    markPeerAddressServed();
    request = new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    const target = `audit-${randomBytes(4).toString("hex")}`;
    await recordAudit({ actor: null, action: "submission.cancel", target, details: { cancelled: 3 } });
    expect(await detailsOf(target)).toEqual({ address: "203.0.113.7", cancelled: 3 });

    // The caller's own address wins (sign-in passes the one it limited by).
    await recordAudit({
      actor: null,
      action: "sign_in.failed",
      target: `${target}-own`,
      details: { address: "192.0.2.1" },
    });
    expect(await detailsOf(`${target}-own`)).toEqual({ address: "192.0.2.1" });

    // Outside a request (the worker, the CLI): no address.
    request = null;
    await recordAudit({ actor: null, action: "calls.export", target: `${target}-none` });
    expect(await detailsOf(`${target}-none`)).toEqual({});
  });
});
