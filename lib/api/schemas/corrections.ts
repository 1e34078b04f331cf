import { z } from "zod";
import { CORRECTABLE_FIELDS } from "../../corrections/fields";
import { DTO_FIELDS } from "../../corrections/diff";
import { dateTime, int64String } from "./common";

export const correctionBody = z.strictObject({
  fields: z.record(z.string().max(100), z.unknown()).meta({
    description: `Reported fields to correct, by wire name, with values as the ingest takes them (null clears an optional field): ${CORRECTABLE_FIELDS.join(", ")}. Merged into the record's correction in place.`,
    example: { end_time: "2026-03-01 09:01:00", result_status: "ANSWERED" },
  }),
  reason: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .meta({ description: "Why (kept with the correction and on the audit trail)" }),
});

export const fieldDiffSchema = z.strictObject({
  field: z.enum(DTO_FIELDS),
  sent: z
    .string()
    .nullable()
    .meta({ description: "What TOP received on the last attempt (masked; null: absent or never sent)" }),
  next: z.string().nullable().meta({ description: "What the next attempt will send (masked; null: absent)" }),
  changed: z.boolean(),
  corrected: z.boolean().meta({ description: "The next value comes from the correction" }),
});

export const recordPayloadSchema = z
  .strictObject({
    call_record_id: int64String,
    correction: z
      .strictObject({
        fields: z.array(z.enum(CORRECTABLE_FIELDS)),
        reason: z.string(),
        corrected_by: z.string(),
        corrected_at: dateTime,
        repushed_at: dateTime
          .nullable()
          .meta({ description: "The vendor pushed other content after the correction (the correction still applies)" }),
      })
      .nullable(),
    last_sent_at: dateTime.nullable(),
    diff: z.array(fieldDiffSchema),
  })
  .meta({ id: "RecordPayload", description: "What TOP received on the last attempt against what the next will send" });

export const withdrawnSchema = recordPayloadSchema
  .extend({ withdrawn: z.boolean().meta({ description: "false: there was no correction" }) })
  .meta({ id: "WithdrawnCorrection" });
