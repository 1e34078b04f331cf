import "server-only";
import { Prisma, prisma } from "../db/client";

export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  resetSeconds: number;
}

/**
 * Counts one request of a token in the current fixed window and says whether
 * it is within `limit`. Counted in PostgreSQL (api_rate_windows), one
 * statement, so that every web instance shares the limit; the token's
 * earlier windows are dropped by the same statement.
 */
export async function countRequest(tokenId: bigint, limit: number, windowSeconds: number): Promise<RateLimitState> {
  const [row] = await prisma.$queryRaw<{ hits: number; reset: number }[]>(Prisma.sql`
    WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds}) AS start),
    old AS (DELETE FROM api_rate_windows WHERE token_id = ${tokenId} AND window_start < (SELECT start FROM w))
    INSERT INTO api_rate_windows (token_id, window_start, hits) SELECT ${tokenId}, start, 1 FROM w
    ON CONFLICT (token_id, window_start) DO UPDATE SET hits = api_rate_windows.hits + 1
    RETURNING hits, GREATEST(1, ceil(extract(epoch FROM window_start) + ${windowSeconds} - extract(epoch FROM now())))::int AS reset`);
  const hits = row?.hits ?? 1;
  return {
    allowed: hits <= limit,
    limit,
    remaining: Math.max(0, limit - hits),
    resetSeconds: row?.reset ?? windowSeconds,
  };
}

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(s.limit),
    "RateLimit-Remaining": String(s.remaining),
    "RateLimit-Reset": String(s.resetSeconds),
  };
}
