import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * TOP request signing (docs/top-protocol.md, "Signature"): every parameter sent
 * except `sign`, sorted by name in byte order, concatenated as name+value
 * with no separators, then over the UTF-8 bytes:
 *   md5          MD5(secret + string + secret)
 *   hmac         HMAC-MD5(key = secret)
 *   hmac-sha256  HMAC-SHA256(key = secret)
 * as upper-case hex.
 */

export const SIGN_METHODS = ["md5", "hmac", "hmac-sha256"] as const;
export type SignMethod = (typeof SIGN_METHODS)[number];

/** The exact string that is hashed; exported for tests and diagnostics (it holds no secret). */
export function signingString(params: Readonly<Record<string, string>>): string {
  const names = Object.keys(params)
    .filter((name) => name !== "sign")
    .sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
  let out = "";
  for (const name of names) out += name + params[name];
  return out;
}

export function signTopParams(params: Readonly<Record<string, string>>, secret: string, method: SignMethod): string {
  const text = signingString(params);
  switch (method) {
    case "md5":
      return createHash("md5")
        .update(secret + text, "utf8")
        .update(secret, "utf8")
        .digest("hex")
        .toUpperCase();
    case "hmac":
      return createHmac("md5", Buffer.from(secret, "utf8")).update(text, "utf8").digest("hex").toUpperCase();
    case "hmac-sha256":
      return createHmac("sha256", Buffer.from(secret, "utf8")).update(text, "utf8").digest("hex").toUpperCase();
  }
}

/** Case-insensitive, constant-time comparison of a received signature with the expected one. */
export function verifyTopSign(params: Readonly<Record<string, string>>, secret: string, method: SignMethod): boolean {
  const given = params.sign;
  if (!given) return false;
  const expected = Buffer.from(signTopParams(params, secret, method), "latin1");
  const actual = Buffer.from(given.toUpperCase(), "latin1");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function isSignMethod(value: string): value is SignMethod {
  return (SIGN_METHODS as readonly string[]).includes(value);
}
