import { z } from "zod";
import { CHANNEL_TYPES, DELIVERY_STATES, SUBSCRIBABLE_KINDS } from "../../alerts/kinds";
import { channelEventsSchema, channelNameSchema, channelUrlSchema, secretProblem } from "../../alerts/schema";
import { dateTime, idParam, int64String } from "./common";

export const channelParams = z.object({ id: idParam });

const events = channelEventsSchema.meta({
  description: `the alert kinds the channel receives, among ${SUBSCRIBABLE_KINDS.join(", ")}`,
});
const secretText = z.string().trim().min(1, "must not be empty").max(200);

export const createChannelBody = z
  .strictObject({
    name: channelNameSchema,
    type: z.enum(CHANNEL_TYPES),
    url: channelUrlSchema.meta({ description: "the receiver (a robot's webhook URL holds its token)" }),
    secret: secretText.nullable().default(null).meta({
      description:
        "webhook: a Standard Webhooks `whsec_…` key (null: one is generated and answered once); DingTalk/Feishu: the robot's signing secret; WeCom: none",
    }),
    events: events.default([]),
    enabled: z.boolean().default(true),
  })
  .superRefine((b, ctx) => {
    const problem = secretProblem(b.type, b.secret);
    if (problem) ctx.addIssue({ code: "custom", path: ["secret"], message: problem });
  })
  .meta({ id: "AlertChannelRequest" });

export const patchChannelBody = z
  .strictObject({
    name: channelNameSchema.optional(),
    url: channelUrlSchema.optional(),
    secret: secretText
      .nullable()
      .optional()
      .meta({ description: "a string replaces the secret; null removes it (a webhook gets a new generated one)" }),
    events: events.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: "AlertChannelPatch" });

export const channelSchema = z
  .strictObject({
    id: int64String,
    name: z.string(),
    type: z.enum(CHANNEL_TYPES),
    url: z.string().meta({ description: "with its query values masked: a robot's token is a credential" }),
    events: z.array(z.string()),
    enabled: z.boolean(),
    has_secret: z.boolean().meta({ description: "the secret itself is never answered" }),
    created_by: z.string(),
    created_at: dateTime,
    updated_at: dateTime,
    last_delivery: z
      .strictObject({
        kind: z.string(),
        state: z.enum(DELIVERY_STATES),
        created_at: dateTime,
        last_error: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: "AlertChannel" });

export const channelWithSecretSchema = channelSchema
  .extend({
    generated_secret: z.string().nullable().meta({
      description: "the secret the console generated for this channel, answered this once (null: none generated)",
    }),
  })
  .meta({ id: "AlertChannelSaved" });

export const channelListSchema = z.strictObject({ items: z.array(channelSchema) }).meta({ id: "AlertChannelList" });

export const channelTestSchema = z
  .strictObject({
    delivery_id: int64String,
    outcome: z.enum(["delivered", "retrying", "failed", "stale"]).meta({
      description: "what the first attempt did (retrying: the queue tries again with backoff)",
    }),
  })
  .meta({ id: "AlertChannelTest" });

export const channelDeletedSchema = z.strictObject({ deleted: z.literal(true) }).meta({ id: "AlertChannelDeleted" });
