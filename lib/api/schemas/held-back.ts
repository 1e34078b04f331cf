import { z } from "zod";

/** The pre-submit check's answer for what a selection does not send (a batch, a four-eyes request). */
export const heldBackSchema = z
  .array(
    z.strictObject({
      reason: z.string().meta({ description: "`in_flight`, `accepted` or `rule_<code>`" }),
      message: z.string(),
      count: z.number().int(),
    }),
  )
  .meta({ description: "records of the selection that are not sent, and why" });
