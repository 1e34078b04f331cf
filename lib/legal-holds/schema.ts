import { z } from "zod";
import { int64IdSchema } from "../input/schema";

/** Why a hold is set or removed: said in the audit trail and on /legal-holds. */
export const holdReasonSchema = z.string().trim().min(5, "say why (at least 5 characters)").max(500);

export const setHoldSchema = z.object({ callRecordId: int64IdSchema, reason: holdReasonSchema });
export const removeHoldSchema = z.object({ callRecordId: int64IdSchema, reason: holdReasonSchema });
/** Every record a /calls link lists (its query string), at most MAX_HOLDS_PER_FILTER of them. */
export const setHoldsByFilterSchema = z.object({ query: z.string().max(4000), reason: holdReasonSchema });

export type SetHoldInput = z.output<typeof setHoldSchema>;

/** A filter that matches more records than this is refused: a hold is a deliberate act on named records. */
export const MAX_HOLDS_PER_FILTER = 10_000;
