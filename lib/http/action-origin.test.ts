import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { checkActionOrigin } from "./action-origin";

const action = (headers: Record<string, string>, method = "POST") =>
  proxy(
    new NextRequest("http://console.test:3000/calls/1", {
      method,
      headers: { host: "console.test:3000", "next-action": "abc123", ...headers },
    }),
  );

describe("server actions from another origin", () => {
  it.each([
    ["a foreign origin", "https://evil.example"],
    ["the same host on another port", "http://console.test:4000"],
    ["a malformed origin", "http://["],
    ["not a URL at all", "evil"],
    ["an opaque origin", "null"],
  ])("answer 403 for %s", async (_what, origin) => {
    const res = action({ origin });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden_origin");
  });

  it("are compared with X-Forwarded-Host when a proxy set it", () => {
    expect(action({ origin: "https://console.example.com", "x-forwarded-host": "console.example.com" }).status).toBe(
      200,
    );
    expect(action({ origin: "http://console.test:3000", "x-forwarded-host": "console.example.com" }).status).toBe(403);
  });

  it("pass from the console's own origin, without an Origin, and for GET", () => {
    expect(action({ origin: "http://console.test:3000" }).status).toBe(200);
    expect(action({}).status).toBe(200);
    // A GET is never refused for its origin (without a session cookie it goes to sign-in instead).
    expect(action({ origin: "https://evil.example", cookie: "lvr_session=x" }, "GET").status).toBe(200);
  });

  it("are refused when there is no host to compare with", () => {
    expect(checkActionOrigin("POST", new Headers({ origin: "http://a.test" }))).toMatchObject({ ok: false });
  });
});
