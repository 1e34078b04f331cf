import "server-only";
import type { z } from "zod";
import { runActionAs, type ActionPrincipal } from "../../actions/wrapper";
import { createAlertChannel, deleteAlertChannel, sendTestAlertAction, updateAlertChannel } from "../../alerts/actions";
import { getChannel, listChannels, maskedUrl, type ChannelSummary } from "../../alerts/data";
import { ApiError } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";
import type { createChannelBody, patchChannelBody } from "../schemas/alerts";
import { unwrap } from "./action-result";

const asPrincipal = (p: ApiRequest<unknown, unknown, unknown>["principal"]): ActionPrincipal => ({
  user: p.user,
  session: null,
  readOnly: p.token.readOnly,
});

function channelBody(c: ChannelSummary) {
  return {
    id: c.id.toString(),
    name: c.name,
    type: c.type,
    url: maskedUrl(c.url),
    events: c.events,
    enabled: c.enabled,
    has_secret: c.hasSecret,
    created_by: c.createdBy,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
    last_delivery: c.lastDelivery
      ? {
          kind: c.lastDelivery.kind,
          state: c.lastDelivery.state,
          created_at: c.lastDelivery.createdAt.toISOString(),
          last_error: c.lastDelivery.lastError,
        }
      : null,
  };
}

async function channelOr404(id: string) {
  const channel = await getChannel(BigInt(id));
  if (!channel) throw new ApiError(404, "not_found", `No alert channel ${id}.`);
  const summary = (await listChannels()).find((c) => c.id === channel.id);
  return summary ?? { ...channel, lastDelivery: null };
}

export async function listChannelsHandler(): Promise<ApiAnswer> {
  return { body: { items: (await listChannels()).map(channelBody) } };
}

export async function getChannelHandler(req: ApiRequest<{ id: string }, unknown, unknown>): Promise<ApiAnswer> {
  return { body: channelBody(await channelOr404(req.params.id)) };
}

export async function createChannelHandler(
  req: ApiRequest<unknown, unknown, z.output<typeof createChannelBody>>,
): Promise<ApiAnswer> {
  const body = { ...req.body, secret: req.body.secret ?? undefined };
  const created = unwrap(await runActionAs(createAlertChannel, asPrincipal(req.principal), body));
  const channel = channelBody(await channelOr404(created.id));
  return { status: 201, body: { ...channel, generated_secret: created.generatedSecret ?? null } };
}

export async function patchChannelHandler(
  req: ApiRequest<{ id: string }, unknown, z.output<typeof patchChannelBody>>,
): Promise<ApiAnswer> {
  const updated = unwrap(
    await runActionAs(updateAlertChannel, asPrincipal(req.principal), { channelId: req.params.id, patch: req.body }),
  );
  const channel = channelBody(await channelOr404(req.params.id));
  return { body: { ...channel, generated_secret: updated.generatedSecret ?? null } };
}

export async function deleteChannelHandler(req: ApiRequest<{ id: string }, unknown, unknown>): Promise<ApiAnswer> {
  return {
    body: unwrap(await runActionAs(deleteAlertChannel, asPrincipal(req.principal), { channelId: req.params.id })),
  };
}

export async function testChannelHandler(req: ApiRequest<{ id: string }, unknown, unknown>): Promise<ApiAnswer> {
  const sent = unwrap(await runActionAs(sendTestAlertAction, asPrincipal(req.principal), { channelId: req.params.id }));
  return { body: { delivery_id: sent.deliveryId, outcome: sent.outcome } };
}
