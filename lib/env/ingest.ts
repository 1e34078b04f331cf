import { z } from "zod";

/** The ingest API that vendors push call records to. */
export const ingestSection = z.object({
  INGEST_TOKEN: z.string().min(24, "INGEST_TOKEN must be at least 24 characters").optional(),
  INGEST_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024 * 1024),
});
