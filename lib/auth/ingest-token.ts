import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Bearer-token check for the machine ingest API (INGEST_TOKEN). Without a
 * configured token the API is disabled, never open.
 */

export type IngestAuthResult =
  | { ok: true }
  | {
      ok: false;
      status: 401 | 503;
      code: "unauthorized" | "ingest_disabled";
      message: string;
      wwwAuthenticate?: string;
    };

const REALM = 'Bearer realm="lvr-ingest"';

export function verifyIngestToken(authorization: string | null, expected: string | undefined): IngestAuthResult {
  if (!expected) {
    return {
      ok: false,
      status: 503,
      code: "ingest_disabled",
      message: "The ingest API is disabled: INGEST_TOKEN is not configured on the server.",
    };
  }
  const presented = bearerToken(authorization);
  if (presented === null) {
    return {
      ok: false,
      status: 401,
      code: "unauthorized",
      message: "Missing credentials: send Authorization: Bearer <INGEST_TOKEN>.",
      wwwAuthenticate: REALM,
    };
  }
  if (!tokensEqual(presented, expected)) {
    return {
      ok: false,
      status: 401,
      code: "unauthorized",
      message: "Invalid ingest token.",
      wwwAuthenticate: `${REALM}, error="invalid_token"`,
    };
  }
  return { ok: true };
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or null. */
export function bearerToken(authorization: string | null): string | null {
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m?.[1] ?? null;
}

/**
 * Constant-time comparison. Both sides are hashed first so that the
 * comparison runs over equal lengths and leaks neither content nor length.
 */
export function tokensEqual(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}
