import { describe, expect, it } from "vitest";
import { checkProductionConfig } from "./production-config";

const SECRET = "postgresql://lvr:do-not-print-me@db.internal:5432/lvr";

describe("production configuration", () => {
  it("names every missing setting of a web instance at once", () => {
    const { env, problems } = checkProductionConfig("web", {});
    expect(env).toBeUndefined();
    expect(problems.join("\n")).toMatch(
      /DATABASE_URL is not set[\s\S]*PUBLIC_URL is not set[\s\S]*INGEST_TOKEN is not set/,
    );
  });

  it("refuses an http PUBLIC_URL off loopback (cookies would not be Secure), and never echoes a value", () => {
    const { problems } = checkProductionConfig("web", {
      DATABASE_URL: SECRET,
      PUBLIC_URL: "http://console.example.com",
      INGEST_TOKEN: "x".repeat(30),
      METRICS_TOKEN: "short",
    });
    const text = problems.join("\n");
    expect(text).toMatch(/PUBLIC_URL is http:\/\/ on console.example.com/);
    expect(text).toMatch(/METRICS_TOKEN must be at least 16 characters/);
    expect(text).not.toContain("do-not-print-me");
  });

  it("wants the TOP settings for a worker, and accepts a complete one", () => {
    expect(checkProductionConfig("worker", { DATABASE_URL: SECRET }).problems.join("\n")).toMatch(
      /TOP_GATEWAY_URL: is not set[\s\S]*TOP_APP_KEY: is not set/,
    );
    const ok = checkProductionConfig("worker", {
      DATABASE_URL: SECRET,
      TOP_GATEWAY_URL: "https://gw.api.taobao.com/router/rest",
      TOP_APP_KEY: "k",
      TOP_APP_SECRET: "s",
    });
    expect(ok.problems).toEqual([]);
    expect(ok.env?.DATABASE_URL).toBe(SECRET);
  });

  it("needs only the database to migrate", () => {
    expect(checkProductionConfig("migrate", { DATABASE_URL: SECRET }).problems).toEqual([]);
  });
});
