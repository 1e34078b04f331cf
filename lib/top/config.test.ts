import { describe, expect, it } from "vitest";
import { parseTopConfig } from "./config";

describe("parseTopConfig", () => {
  it("applies the defaults", () => {
    expect(
      parseTopConfig({
        TOP_GATEWAY_URL: "https://gw.api.taobao.com/router/rest",
        TOP_APP_KEY: "k",
        TOP_APP_SECRET: "s",
      }),
    ).toEqual({
      gatewayUrl: "https://gw.api.taobao.com/router/rest",
      appKey: "k",
      appSecret: "s",
      session: undefined,
      signMethod: "hmac-sha256",
      format: "json",
      partnerId: undefined,
      timeoutMs: 10_000,
      connectTimeoutMs: 3_000,
    });
  });

  it("names every bad variable and never echoes the secret", () => {
    let message = "";
    try {
      parseTopConfig({
        TOP_GATEWAY_URL: "gw.api.taobao.com",
        TOP_APP_SECRET: "very-secret-value",
        TOP_SIGN_METHOD: "sha1",
        TOP_TIMEOUT_MS: "soon",
      });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("TOP_GATEWAY_URL must be an http(s) URL");
    expect(message).toContain("TOP_APP_KEY is not set");
    expect(message).toContain("TOP_SIGN_METHOD must be one of md5, hmac, hmac-sha256");
    expect(message).toContain("TOP_TIMEOUT_MS");
    expect(message).not.toContain("very-secret-value");
  });
});
