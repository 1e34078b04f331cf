import { describe, expect, it } from "vitest";
import { bearerToken, tokensEqual, verifyIngestToken } from "./ingest-token";

const TOKEN = "test-ingest-token-0123456789abcdef";

describe("verifyIngestToken", () => {
  it("is disabled (503), never open, when no token is configured", () => {
    for (const configured of [undefined, ""]) {
      expect(verifyIngestToken(`Bearer ${TOKEN}`, configured)).toMatchObject({
        ok: false,
        status: 503,
        code: "ingest_disabled",
      });
      expect(verifyIngestToken(null, configured)).toMatchObject({ ok: false, status: 503 });
    }
  });

  it("accepts the configured bearer token, scheme in any case", () => {
    expect(verifyIngestToken(`Bearer ${TOKEN}`, TOKEN)).toEqual({ ok: true });
    expect(verifyIngestToken(`bearer   ${TOKEN} `, TOKEN)).toEqual({ ok: true });
  });

  it("answers 401 with a challenge for missing, malformed or wrong credentials", () => {
    for (const header of [null, "", "Bearer", `Basic ${TOKEN}`, `Bearer ${TOKEN} extra`]) {
      expect(verifyIngestToken(header, TOKEN)).toMatchObject({
        ok: false,
        status: 401,
        code: "unauthorized",
        wwwAuthenticate: 'Bearer realm="lvr-ingest"',
      });
    }
    for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN.toUpperCase()}`]) {
      expect(verifyIngestToken(header, TOKEN)).toMatchObject({
        ok: false,
        status: 401,
        wwwAuthenticate: 'Bearer realm="lvr-ingest", error="invalid_token"',
      });
    }
  });

  it("compares tokens of any length without throwing", () => {
    expect(tokensEqual("a", "a")).toBe(true);
    expect(tokensEqual("a", "a".repeat(1000))).toBe(false);
    expect(bearerToken("Bearer abc")).toBe("abc");
  });
});
