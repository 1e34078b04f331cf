import { z } from "zod";
import { positiveInt64IdSchema } from "../input/schema";

/**
 * Personal access tokens (`lvr_pat_…`) act as their owner on the REST API;
 * ingest tokens (`lvr_ing_…`) let one robot platform push records. Both are
 * 256 random bits, shown once and stored as their SHA-256 only. The prefixes
 * let secret scanners recognise a leaked token.
 */
export const PAT_PREFIX = "lvr_pat_";
export const INGEST_PREFIX = "lvr_ing_";

export { EXPIRY_DAYS } from "./expiry";

export const tokenNameSchema = z.string().trim().min(1, "give the token a name").max(100, "at most 100 characters");

export const createTokenSchema = z.object({
  name: tokenNameSchema,
  readOnly: z.boolean().default(false),
  /** Days until it expires; absent: never. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ingestTokenNameSchema = z
  .string()
  .trim()
  .min(1, "give the source a name")
  .max(64, "at most 64 characters")
  .regex(/^[\p{L}\p{N}._ -]+$/u, "letters, digits, spaces, dots, dashes and underscores only");

export const tokenIdSchema = positiveInt64IdSchema("must be an id");
/** One token, personal or ingest, by its id (revoke). */
export const tokenRefSchema = z.object({ tokenId: tokenIdSchema });
export const ingestTokenCreateSchema = z.object({ name: ingestTokenNameSchema });
