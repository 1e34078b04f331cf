"use server";

import { ActionError, defineAction } from "../actions/wrapper";
import { orRefuse, refusing } from "../actions/refusals";
import { auditBy } from "../audit/mutations";
import { audited } from "../actions/audited";
import { maskedUrl } from "./data";
import {
  ChannelNameTaken,
  ChannelSecretInvalid,
  createChannel,
  deleteChannel,
  sendTestAlert,
  updateChannel,
} from "./mutations";
import { channelInputSchema, channelRefSchema, channelToggleSchema, channelUpdateSchema } from "./schema";

/**
 * The notification channels' server actions (/admin/alerts). The audit trail
 * records what changed, with the URL's credentials masked and the secret as
 * "set" / "removed" only. Creating, changing, switching off and deleting a
 * channel ask for a recent sign-in: each can send alerts elsewhere or silence
 * them. A test alert goes only where an admin already pointed the channel.
 */

const nameTaken = (name: string) => (err: unknown) =>
  err instanceof ChannelNameTaken ? new ActionError("name_taken", `There is already a channel named “${name}”.`) : null;
const notFound = () => new ActionError("not_found", "No such channel.");

export const createAlertChannel = defineAction({
  name: "alerts.create",
  permission: "alerts:manage",
  recentAuth: true,
  input: channelInputSchema,
  handler: async (input, { user }) =>
    refusing(async () => {
      const created = await createChannel(input, user);
      await auditBy(user, "alert_channel.create", `alert_channel:${created.id}`, {
        name: input.name,
        type: input.type,
        url: maskedUrl(input.url),
        events: input.events,
        enabled: input.enabled,
        secret: input.secret !== null ? "set" : created.generatedSecret ? "generated" : "none",
      });
      return { id: created.id.toString(), generatedSecret: created.generatedSecret };
    }, nameTaken(input.name)),
});

export const updateAlertChannel = defineAction({
  name: "alerts.update",
  permission: "alerts:manage",
  recentAuth: true,
  input: channelUpdateSchema,
  handler: async ({ channelId, patch }, { user }) =>
    refusing(
      async () => {
        const updated = orRefuse(await updateChannel(BigInt(channelId), patch), notFound);
        const { secret, url, ...rest } = patch;
        await auditBy(user, "alert_channel.update", `alert_channel:${channelId}`, {
          ...rest,
          ...(url !== undefined ? { url: maskedUrl(url) } : {}),
          ...(secret !== undefined
            ? { secret: updated.generatedSecret ? "generated" : secret ? "replaced" : "removed" }
            : {}),
        });
        return { id: channelId, generatedSecret: updated.generatedSecret };
      },
      (err) =>
        nameTaken(patch.name ?? "")(err) ??
        (err instanceof ChannelSecretInvalid ? new ActionError("invalid_input", `secret: ${err.message}`) : null),
    ),
});

/** On/off from the list, without the whole form. */
export const setAlertChannelEnabled = defineAction({
  name: "alerts.setEnabled",
  permission: "alerts:manage",
  recentAuth: true,
  input: channelToggleSchema,
  handler: async ({ channelId, enabled }, { user }) => {
    const updated = orRefuse(await updateChannel(BigInt(channelId), { enabled }), notFound);
    await auditBy(user, enabled ? "alert_channel.enable" : "alert_channel.disable", `alert_channel:${channelId}`, {
      name: updated.name,
    });
    return { id: channelId, enabled };
  },
});

export const deleteAlertChannel = defineAction({
  name: "alerts.delete",
  permission: "alerts:manage",
  recentAuth: true,
  input: channelRefSchema,
  handler: async ({ channelId }, { user }) => {
    const { name } = orRefuse(await deleteChannel(BigInt(channelId)), notFound);
    return audited({ deleted: true }, user, "alert_channel.delete", `alert_channel:${channelId}`, { name });
  },
});

/** Queues a test alert to the channel and makes its first attempt now; answers what that attempt did. */
export const sendTestAlertAction = defineAction({
  name: "alerts.sendTest",
  permission: "alerts:manage",
  input: channelRefSchema,
  handler: async ({ channelId }, { user }) => {
    const sent = orRefuse(await sendTestAlert(BigInt(channelId), user), notFound);
    await auditBy(user, "alert_channel.test", `alert_channel:${channelId}`, {
      delivery: sent.deliveryId.toString(),
      outcome: sent.outcome,
    });
    return { deliveryId: sent.deliveryId.toString(), outcome: sent.outcome };
  },
});
