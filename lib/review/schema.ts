import { z } from "zod";
import { int64IdSchema } from "../input/schema";
import { scoredSchema } from "../scorecards/schema";

/** Inputs of the review actions; parsed on the server (lib/actions/wrapper.ts) and usable in the browser. */

export const callRecordIdSchema = int64IdSchema;

export const VERDICTS = ["passed", "flagged"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const correctedIntentSchema = z.object({
  tagId: int64IdSchema,
  code: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  name: z.string().trim().max(100).optional(),
});
export type CorrectedIntent = z.infer<typeof correctedIntentSchema>;

export const verdictSchema = z
  .object({
    callRecordId: callRecordIdSchema,
    verdict: z.enum(VERDICTS),
    reasons: z
      .array(z.string().regex(/^[a-z0-9_]{1,40}$/, "is not a reason code"))
      .max(10)
      .default([]),
    notes: z
      .string()
      .trim()
      .max(2_000)
      .optional()
      .transform((v) => v || undefined),
    /** A corrected intent; null removes an earlier correction; absent keeps what is there. */
    correctedIntent: correctedIntentSchema.nullable().optional(),
    /** The scorecard's answers, when one applies and the reviewer filled it; absent: a verdict without a score. */
    scorecard: scoredSchema.optional(),
  })
  .refine((v) => v.verdict === "passed" || v.reasons.length > 0, {
    path: ["reasons"],
    message: "a flag needs at least one reason",
  })
  .refine((v) => v.verdict === "flagged" || v.reasons.length === 0, {
    path: ["reasons"],
    message: "reasons go with a flag",
  });
export type VerdictInput = z.input<typeof verdictSchema>;

export const commentSchema = z.object({
  callRecordId: callRecordIdSchema,
  /** Position in the recording, milliseconds. */
  positionMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000),
  body: z.string().trim().min(1, "write something").max(1_000),
});

export const claimSchema = z.object({
  /** The queue as `/calls` URL parameters (the same filter contract). */
  query: z.string().max(4_000).default(""),
  /** Records already handled in this sitting (a flagged-calls queue keeps flagged records in it). */
  exclude: z.array(callRecordIdSchema).max(1_000).default([]),
});

export const claimRecordSchema = z.object({ callRecordId: callRecordIdSchema });
