import { ok, operationsTagged } from "./operation";
import {
  channelDeletedSchema,
  channelListSchema,
  channelParams,
  channelSchema,
  channelTestSchema,
  channelWithSecretSchema,
  createChannelBody,
  patchChannelBody,
} from "./schemas/alerts";

/** The alert notification channels (admins): docs/alerts.md. */

const channelOperation = operationsTagged("Alert channels");

export const listChannelsOp = channelOperation("listAlertChannels", "GET /alert-channels", {
  permission: "alerts:manage",
  summary: "Every notification channel, with its newest delivery",
  responses: ok("The channels", channelListSchema),
});

export const createChannelOp = channelOperation("createAlertChannel", "POST /alert-channels", {
  permission: "alerts:manage",
  summary: "Create a channel",
  description:
    "A generic webhook (Standard Webhooks signature), or a DingTalk, WeCom or Feishu group robot. The type cannot change later. Audited.",
  body: createChannelBody,
  responses: ok("The channel", channelWithSecretSchema, 201),
});

export const getChannelOp = channelOperation("getAlertChannel", "GET /alert-channels/{id}", {
  permission: "alerts:manage",
  summary: "One channel",
  params: channelParams,
  responses: ok("The channel", channelSchema),
});

export const patchChannelOp = channelOperation("updateAlertChannel", "PATCH /alert-channels/{id}", {
  permission: "alerts:manage",
  summary: "Change, enable or disable a channel",
  params: channelParams,
  body: patchChannelBody,
  responses: ok("The channel", channelWithSecretSchema),
});

export const testChannelOp = channelOperation("testAlertChannel", "POST /alert-channels/{id}/test", {
  permission: "alerts:manage",
  summary: "Send a test alert now",
  description:
    "Queued like every alert (signed, retried with backoff, in the channel's delivery log); its first attempt is made at once and answered.",
  params: channelParams,
  responses: ok("The first attempt", channelTestSchema),
});

export const deleteChannelOp = channelOperation("deleteAlertChannel", "DELETE /alert-channels/{id}", {
  permission: "alerts:manage",
  summary: "Delete a channel and its delivery log",
  params: channelParams,
  responses: ok("Deleted", channelDeletedSchema),
});
