import "server-only";
import { createHash } from "node:crypto";
import { Prisma, prisma } from "../db/client";
import { ApiError } from "./errors";

export interface StoredAnswer {
  status: number;
  body: unknown;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/** SHA-256 of a request body as parsed (key order as sent). */
export function requestHash(body: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(body ?? null))
    .digest("hex");
}

/**
 * Runs `answer` once per (token, Idempotency-Key) within 24 hours: a repeat
 * with the same body gets the first answer again (`replayed`), a repeat with
 * another body is a 409, and so is one that arrives while the first is still
 * being answered. A first request that fails unexpectedly leaves no trace,
 * so the client may retry it.
 */
export async function idempotent(
  tokenId: bigint,
  key: string,
  hash: string,
  answer: () => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  if (!KEY.test(key))
    throw new ApiError(400, "invalid_parameter", "Idempotency-Key: 1 to 255 visible ASCII characters", [
      { param: "Idempotency-Key", message: "1 to 255 visible ASCII characters" },
    ]);
  const [claimed] = await prisma.$queryRaw<{ key: string }[]>(Prisma.sql`
    WITH expired AS (DELETE FROM api_idempotency_keys WHERE token_id = ${tokenId} AND key = ${key} AND created_at < now() - interval '24 hours')
    INSERT INTO api_idempotency_keys (token_id, key, request_hash) VALUES (${tokenId}, ${key}, ${hash})
    ON CONFLICT (token_id, key) DO NOTHING RETURNING key`);
  if (!claimed) {
    const first = await prisma.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
    if (!first)
      throw new ApiError(
        409,
        "idempotency_conflict",
        "This Idempotency-Key is being used by another request right now; retry.",
        null,
        { "Retry-After": "1" },
      );
    if (first.requestHash !== hash) {
      throw new ApiError(
        409,
        "idempotency_key_reused",
        "This Idempotency-Key was used with another request body in the last 24 hours.",
        { header: "Idempotency-Key" },
      );
    }
    if (first.status === null)
      throw new ApiError(
        409,
        "idempotency_conflict",
        "The first request with this Idempotency-Key is still being answered; retry.",
        null,
        { "Retry-After": "1" },
      );
    return { status: first.status, body: first.response, replayed: true };
  }
  let result: StoredAnswer;
  try {
    result = await answer();
  } catch (err) {
    await prisma.apiIdempotencyKey.deleteMany({ where: { tokenId, key } });
    throw err;
  }
  await prisma.apiIdempotencyKey.update({
    where: { tokenId_key: { tokenId, key } },
    data: {
      status: result.status,
      response: JSON.parse(JSON.stringify(result.body, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
    },
  });
  return { ...result, replayed: false };
}
