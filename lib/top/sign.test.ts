import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signingString, signTopParams, verifyTopSign, type SignMethod } from "./sign";

// The shared vectors live beside the repository (../shared); a committed copy
// keeps the test meaningful where that folder is absent, and is checked to be
// identical where it is present.
const SHARED = path.resolve(process.cwd(), "../shared/top-sign-vectors.json");
const COPY = path.resolve(process.cwd(), "lib/top/fixtures/top-sign-vectors.json");

const vectorsSchema = z.array(
  z.object({
    source: z.string(),
    secret: z.string(),
    sign_method: z.enum(["md5", "hmac", "hmac-sha256"]),
    params: z.record(z.string(), z.string()),
    sign: z.string(),
  }),
);
const vectors = vectorsSchema.parse(JSON.parse(readFileSync(existsSync(SHARED) ? SHARED : COPY, "utf8")));

describe("TOP signing vectors", () => {
  it("the committed copy matches the shared vectors", () => {
    if (!existsSync(SHARED)) return;
    expect(readFileSync(COPY, "utf8")).toBe(readFileSync(SHARED, "utf8"));
  });

  it("covers all three sign methods and non-ASCII values", () => {
    expect(new Set(vectors.map((v) => v.sign_method))).toEqual(new Set(["md5", "hmac", "hmac-sha256"]));
    expect(vectors.some((v) => Object.values(v.params).some((p) => /[^\x00-\x7f]/.test(p)))).toBe(true);
  });

  it.each(vectors.map((v, i) => [i, v.sign_method, v] as const))(
    "vector %i (%s) reproduces the published sign",
    (_i, method, v) => {
      expect(signTopParams(v.params, v.secret, method as SignMethod)).toBe(v.sign);
      expect(verifyTopSign({ ...v.params, sign: v.sign.toLowerCase() }, v.secret, method as SignMethod)).toBe(true);
    },
  );
});

describe("signTopParams", () => {
  it("sorts names by byte order and ignores an existing sign", () => {
    expect(signingString({ b: "2", a: "1", sign: "X", B: "3" })).toBe("B3a1b2");
  });

  it("rejects a tampered parameter or the wrong secret", () => {
    const params = { app_key: "k", method: "m", timestamp: "2026-01-01 00:00:00", v: "2.0", sign_method: "md5" };
    const sign = signTopParams(params, "s3cret", "md5");
    expect(verifyTopSign({ ...params, sign }, "s3cret", "md5")).toBe(true);
    expect(verifyTopSign({ ...params, v: "2.1", sign }, "s3cret", "md5")).toBe(false);
    expect(verifyTopSign({ ...params, sign }, "other", "md5")).toBe(false);
    expect(verifyTopSign(params, "s3cret", "md5")).toBe(false);
  });
});
