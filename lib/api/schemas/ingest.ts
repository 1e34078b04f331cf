import { z } from "zod";

/** One IvrCallRecordDto as robot platforms send it (validated field by field by lib/call-records/schema.ts). */
const wireRecord = z
  .looseObject({
    call_record_id: z.union([z.string(), z.number()]).meta({ description: "int64, required" }),
    robot_call_job_id: z.union([z.string(), z.number()]).meta({ description: "int64, required" }),
    called_phone_number: z.string().optional(),
    result_status: z.string().optional(),
    full_audio_url: z.string().optional(),
    chat_duration: z.union([z.string(), z.number()]).optional(),
    start_time: z.string().optional().meta({ description: "yyyy-MM-dd HH:mm:ss (TOP's format) or ISO 8601" }),
    end_time: z.string().optional(),
    name: z.string().optional(),
    properties: z.string().optional(),
    intent_level_detail_name: z.string().optional(),
    tenant_phone_number_id: z.union([z.string(), z.number()]).optional(),
    phone_number: z.string().optional(),
    intent_level_code: z.union([z.string(), z.number()]).optional(),
    intent_level_tag_id: z.union([z.string(), z.number()]).optional(),
    rpc_context: z.unknown().optional(),
    robot_call_job_name: z
      .string()
      .optional()
      .meta({ description: "the console's own field, never sent to TOP: names the job when it has no name yet" }),
    transcript: z
      .array(
        z.object({
          speaker: z.enum(["robot", "callee"]),
          start_ms: z.number().int().min(0),
          end_ms: z.number().int().min(0).meta({ description: "not before start_ms" }),
          text: z.string().min(1).max(2000),
        }),
      )
      .max(1000)
      .nullable()
      .optional()
      .meta({
        description:
          "the console's own field, never sent to TOP: what was said, in order of start_ms. Replaces a stored transcript; null or [] removes it; absent keeps it.",
      }),
  })
  .meta({ id: "IvrCallRecordDto" });

export const ingestBodySchema = z.union([
  z.array(wireRecord).max(1000),
  wireRecord,
  z.object({ ivr_call_record_d_t_o: wireRecord }),
]);

export const ingestResultSchema = z
  .strictObject({
    results: z.array(
      z.strictObject({
        index: z.number().int(),
        call_record_id: z.string().nullable(),
        outcome: z.enum(["created", "updated", "unchanged", "rejected"]),
        errors: z.array(z.strictObject({ field: z.string(), message: z.string() })),
        warnings: z
          .array(z.strictObject({ field: z.string(), message: z.string() }))
          .optional()
          .meta({ description: "fields that were not stored (unknown names)" }),
      }),
    ),
    summary: z.strictObject({
      received: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
  })
  .meta({ id: "IngestResult" });
