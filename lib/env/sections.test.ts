import { describe, expect, it } from "vitest";
import { alertsSection } from "./alerts";
import { audioSection } from "./audio";
import { authSection } from "./auth";
import { complianceSection } from "./compliance";
import { databaseSection } from "./database";
import { i18nSection, displayTimeZone } from "./i18n";
import { ingestSection } from "./ingest";
import { envSchema, getEnv, parseEnv } from ".";
import { childEnv, envGeneration, exportEnv } from "./process";
import { retentionSection } from "./retention";
import { reviewSection } from "./review";
import { runtimeSection } from "./runtime";
import { topConfig, topSection } from "./top";
import { workerConfig, workerSection } from "./worker";
import { webSection } from "./web";

const sections = [
  runtimeSection,
  databaseSection,
  webSection,
  authSection,
  ingestSection,
  topSection,
  workerSection,
  audioSection,
  reviewSection,
  retentionSection,
  complianceSection,
  alertsSection,
  i18nSection,
];

describe("the sections", () => {
  it("make up the product's settings, each variable in exactly one section", () => {
    const names = sections.flatMap((s) => Object.keys(s.shape));
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it("parse on their own: one section's bad value does not stop another's reader", () => {
    const source = { DATABASE_URL: "postgresql://lvr@localhost/lvr", DISPLAY_TIME_ZONE: "Mars/Base", TOP_MAX_QPS: "5" };
    expect(() => parseEnv(source)).toThrow(/DISPLAY_TIME_ZONE.*not an IANA time zone/);
    expect(workerConfig(source).maxQps).toBe(5);
    expect(displayTimeZone(source)).toBe("Asia/Shanghai");
    expect(displayTimeZone({ DISPLAY_TIME_ZONE: "Europe/Berlin" })).toBe("Europe/Berlin");
  });

  it("name every bad variable of the TOP settings and never echo a value", () => {
    let message = "";
    try {
      topConfig({
        TOP_GATEWAY_URL: "gw.api.taobao.com",
        TOP_APP_SECRET: "very-secret-value",
        TOP_SIGN_METHOD: "sha1",
        TOP_TIMEOUT_MS: "soon",
      });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^TOP configuration is invalid:/);
    expect(message).toContain("TOP_GATEWAY_URL: must be an http(s) URL");
    expect(message).toContain("TOP_APP_KEY: is not set");
    expect(message).toContain("TOP_SIGN_METHOD: must be one of md5, hmac, hmac-sha256");
    expect(message).toContain("TOP_TIMEOUT_MS: must be a number of milliseconds");
    expect(message).not.toContain("very-secret-value");
  });

  it("give the TOP client its defaults, a blank variable counting as unset", () => {
    expect(
      topConfig({
        TOP_GATEWAY_URL: "https://gw.api.taobao.com/router/rest",
        TOP_APP_KEY: "k",
        TOP_APP_SECRET: "s",
        TOP_SESSION: "",
        TOP_TIMEOUT_MS: "",
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
});

describe("handing settings on", () => {
  it("childEnv adds to this process's environment without changing it", () => {
    const env = childEnv({ LVR_ENV_TEST_CHILD: "1", LVR_ENV_TEST_UNSET: undefined });
    expect(env.LVR_ENV_TEST_CHILD).toBe("1");
    expect("LVR_ENV_TEST_UNSET" in env).toBe(false);
    expect(env.DATABASE_URL).toBe(getEnv().DATABASE_URL);
    expect(childEnv().LVR_ENV_TEST_CHILD).toBeUndefined();
  });

  it("exportEnv sets variables for the rest of the process and the parsed settings follow", () => {
    const before = getEnv().REVIEW_CLAIM_MINUTES;
    const generation = envGeneration();
    exportEnv({ REVIEW_CLAIM_MINUTES: String(before + 1) });
    try {
      expect(envGeneration()).toBe(generation + 1);
      expect(getEnv().REVIEW_CLAIM_MINUTES).toBe(before + 1);
      expect(childEnv().REVIEW_CLAIM_MINUTES).toBe(String(before + 1));
    } finally {
      exportEnv({ REVIEW_CLAIM_MINUTES: String(before) });
    }
  });
});

describe("the submission worker's settings", () => {
  it("apply the defaults, a blank counting as unset", () => {
    expect(workerConfig({ TOP_MAX_QPS: "", TOP_CONCURRENCY: "3" })).toEqual({
      maxQps: 20,
      concurrency: 3,
      maxAttempts: 6,
      leaseMs: 60_000,
      backoffBaseMs: 2_000,
      backoffMaxMs: 300_000,
    });
  });

  it("name each bad variable", () => {
    expect(() => workerConfig({ TOP_MAX_QPS: "fast", SUBMISSION_LEASE_MS: "10" })).toThrow(
      /invalid submission settings:\n {2}TOP_MAX_QPS: [^\n]*\n {2}SUBMISSION_LEASE_MS: /,
    );
  });
});
