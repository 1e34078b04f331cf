import { z } from "zod";
import { int64IdSchema } from "../input/schema";

/** A correction of one record, as the console's form and the REST API send it. */
export const correctionInputSchema = z.object({
  callRecordId: int64IdSchema,
  /** Wire names → new values, as the ingest takes them (null or "" clears an optional field). */
  fields: z.record(z.string().max(100), z.unknown()),
  reason: z.string().trim().min(1, "give a reason").max(500),
});
