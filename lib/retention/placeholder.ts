import { createHmac } from "node:crypto";

/**
 * What removed personal data looks like (docs/retention.md). A number becomes
 * `removed:` and 24 hex digits of HMAC-SHA256(salt, number): the same number
 * always gives the same placeholder, so duplicates are still found, and the
 * number cannot be read back. Free text becomes REMOVED_TEXT.
 */

export const PLACEHOLDER_PREFIX = "removed:";
export const REMOVED_TEXT = "[removed]";

export function numberPlaceholder(salt: string, value: string | null): string | null {
  if (value === null) return null;
  if (isPlaceholder(value)) return value;
  return PLACEHOLDER_PREFIX + createHmac("sha256", salt).update(value.trim(), "utf8").digest("hex").slice(0, 24);
}

/** The record's content hash, salted too: a plain SHA-256 of the DTO would let a guessed number be confirmed. */
export function contentHashPlaceholder(salt: string, contentHash: string): string {
  return createHmac("sha256", salt).update(`content:${contentHash}`, "utf8").digest("hex");
}

export function isPlaceholder(value: string | null | undefined): boolean {
  return value != null && (value.startsWith(PLACEHOLDER_PREFIX) || value === REMOVED_TEXT);
}
