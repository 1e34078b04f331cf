import "server-only";
import { Prisma, prisma } from "../db/client";
import { attemptDelivery, dispatcherConfig, type DeliveryOutcome, type DispatcherConfig } from "./dispatcher";
import type { ClaimedDelivery } from "./queue";
import { alertPayload } from "./raise";
import { secretProblem, type ChannelInput, type ChannelPatch } from "./schema";
import { newWebhookSecret } from "./sign";

/**
 * Writes of the notification channels. Each takes the acting user. A secret
 * goes into the database and, when the console generated it, back to the
 * caller once: never into a log line, an audit entry or a later read.
 */

export interface Actor {
  id: bigint;
  email: string;
}

export class ChannelNameTaken extends Error {}
/** The patch's secret does not fit the channel's type (which the patch cannot change). */
export class ChannelSecretInvalid extends Error {}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

function isMissing(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025";
}

/**
 * Creates a channel. A webhook without a secret gets a generated one (its
 * receiver needs a key to verify the signature with): returned as
 * `generatedSecret`, to be shown to the admin this once.
 */
export async function createChannel(input: ChannelInput, actor: Actor) {
  const generatedSecret = input.type === "webhook" && input.secret === null ? newWebhookSecret() : null;
  try {
    const channel = await prisma.alertChannel.create({
      data: {
        name: input.name,
        type: input.type,
        url: input.url,
        secret: generatedSecret ?? input.secret,
        events: input.events,
        enabled: input.enabled,
        createdBy: actor.email,
      },
      select: { id: true, name: true },
    });
    return { id: channel.id, generatedSecret };
  } catch (err) {
    if (isUniqueViolation(err)) throw new ChannelNameTaken(input.name);
    throw err;
  }
}

/**
 * Changes a channel; null when there is none. Removing a webhook's secret
 * replaces it with a generated one (returned once), as at creation.
 */
export async function updateChannel(id: bigint, patch: ChannelPatch) {
  const before = await prisma.alertChannel.findUnique({ where: { id }, select: { type: true, name: true } });
  if (!before) return null;
  if (patch.secret !== undefined) {
    const problem = secretProblem(before.type, patch.secret);
    if (problem) throw new ChannelSecretInvalid(problem);
  }
  const generatedSecret = patch.secret === null && before.type === "webhook" ? newWebhookSecret() : null;
  try {
    await prisma.alertChannel.update({
      where: { id },
      data: {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.secret !== undefined ? { secret: generatedSecret ?? patch.secret } : {}),
        ...(patch.events !== undefined ? { events: patch.events } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        updatedAt: new Date(),
      },
    });
    return { id, name: patch.name ?? before.name, generatedSecret };
  } catch (err) {
    if (isMissing(err)) return null;
    if (isUniqueViolation(err)) throw new ChannelNameTaken(patch.name ?? "");
    throw err;
  }
}

/** Deletes a channel and its delivery log (deliveries still queued are dropped with it); null when there is none. */
export async function deleteChannel(id: bigint) {
  return prisma.alertChannel.delete({ where: { id }, select: { id: true, name: true } }).catch((err: unknown) => {
    if (isMissing(err)) return null;
    throw err;
  });
}

export interface TestSend {
  deliveryId: bigint;
  /** What the first attempt did ("stale": its lease ran out meanwhile and a worker took it over). */
  outcome: DeliveryOutcome;
}

/**
 * "Send test": a `test` delivery put in the queue like every alert (signed,
 * retried with backoff and logged by the same dispatcher), already claimed by
 * this request with the queue's lease so that its first attempt is made at
 * once and the admin sees the answer; should this process die, the lease runs
 * out and a worker delivers it. A disabled channel gets its test too (to check
 * it before enabling it). Null when there is no such channel.
 */
export async function sendTestAlert(
  id: bigint,
  actor: Actor,
  config: DispatcherConfig = dispatcherConfig(),
): Promise<TestSend | null> {
  const channel = await prisma.alertChannel.findUnique({
    where: { id },
    select: { id: true, name: true, type: true, url: true, secret: true, enabled: true },
  });
  if (!channel) return null;
  const payload = alertPayload({
    title: "Test alert from LVR Console",
    text: `${actor.email} sent a test to the channel “${channel.name}”. Alerts chosen for it will arrive like this.`,
    link: `/admin/alerts/${id}`,
    facts: { channel: channel.name },
  });
  const [row] = await prisma.$queryRaw<{ id: bigint; message_id: string }[]>(Prisma.sql`
    INSERT INTO alert_deliveries (channel_id, kind, message_id, payload, state, attempts, lease_until)
    VALUES (${id}, 'test', 'msg_' || replace(gen_random_uuid()::text, '-', ''), ${JSON.stringify(payload)}::jsonb,
            'in_flight', 1, now() + ${config.leaseMs} * interval '1 millisecond')
    RETURNING id, message_id`);
  const { name: _name, ...target } = channel;
  const claimed: ClaimedDelivery = {
    id: row!.id,
    attempt: 1,
    kind: "test",
    messageId: row!.message_id,
    payload,
    channel: target,
  };
  return { deliveryId: claimed.id, outcome: await attemptDelivery(claimed, config) };
}
