import { z } from "zod";
import { int64IdSchema } from "../input/schema";

/** Approving may say why; rejecting must (the requester reads it). */
export const approveInput = z.object({
  batchId: int64IdSchema,
  comment: z.string().trim().max(2000).optional(),
});

export const rejectInput = z.object({
  batchId: int64IdSchema,
  comment: z.string().trim().min(1, "a comment is required to reject").max(2000),
});
