import { defineOperation } from "./operation";
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

const TAG = "Alert channels";

export const listChannelsOp = defineOperation({
  operationId: "listAlertChannels",
  method: "get",
  path: "/alert-channels",
  tag: TAG,
  permission: "alerts:manage",
  summary: "Every notification channel, with its newest delivery",
  responses: { 200: { description: "The channels", schema: channelListSchema } },
});

export const createChannelOp = defineOperation({
  operationId: "createAlertChannel",
  method: "post",
  path: "/alert-channels",
  tag: TAG,
  permission: "alerts:manage",
  summary: "Create a channel",
  description:
    "A generic webhook (Standard Webhooks signature), or a DingTalk, WeCom or Feishu group robot. The type cannot change later. Audited.",
  body: createChannelBody,
  responses: { 201: { description: "The channel", schema: channelWithSecretSchema } },
});

export const getChannelOp = defineOperation({
  operationId: "getAlertChannel",
  method: "get",
  path: "/alert-channels/{id}",
  tag: TAG,
  permission: "alerts:manage",
  summary: "One channel",
  params: channelParams,
  responses: { 200: { description: "The channel", schema: channelSchema } },
});

export const patchChannelOp = defineOperation({
  operationId: "updateAlertChannel",
  method: "patch",
  path: "/alert-channels/{id}",
  tag: TAG,
  permission: "alerts:manage",
  summary: "Change, enable or disable a channel",
  params: channelParams,
  body: patchChannelBody,
  responses: { 200: { description: "The channel", schema: channelWithSecretSchema } },
});

export const testChannelOp = defineOperation({
  operationId: "testAlertChannel",
  method: "post",
  path: "/alert-channels/{id}/test",
  tag: TAG,
  permission: "alerts:manage",
  summary: "Send a test alert now",
  description:
    "Queued like every alert (signed, retried with backoff, in the channel's delivery log); its first attempt is made at once and answered.",
  params: channelParams,
  responses: { 200: { description: "The first attempt", schema: channelTestSchema } },
});

export const deleteChannelOp = defineOperation({
  operationId: "deleteAlertChannel",
  method: "delete",
  path: "/alert-channels/{id}",
  tag: TAG,
  permission: "alerts:manage",
  summary: "Delete a channel and its delivery log",
  params: channelParams,
  responses: { 200: { description: "Deleted", schema: channelDeletedSchema } },
});
