import { z } from "zod";
import { int64IdSchema, textSchema } from "../input/schema";
import { CHANNEL_TYPES, SUBSCRIBABLE_KINDS, type ChannelType } from "./kinds";

/**
 * A notification channel's input, from the admin page's forms. The type is
 * chosen once, at creation: it decides what the secret is (a Standard Webhooks
 * `whsec_…` key, a robot's signing secret, or none), so changing it would
 * leave a secret of the wrong kind behind. Shared by the server and the forms.
 */

const WHSEC = /^whsec_[A-Za-z0-9+/]+={0,2}$/;

export const channelNameSchema = textSchema.pipe(z.string().trim().min(1, "must not be empty").max(100));

/**
 * An http(s) URL, judged by what `new URL` makes of it (what the sender will
 * post to), not by its spelling, and stored as that: "javascript:…", "ftp:…"
 * or a bare host are refused, and "HTTP://X.example" is kept as "http://x.example/".
 */
export const channelUrlSchema = textSchema
  .pipe(z.string().trim().min(1, "must not be empty").max(2000))
  .transform((raw, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
      ctx.addIssue({ code: "custom", message: "must be an http or https URL" });
      return z.NEVER;
    }
    return url.href;
  });

export const channelEventsSchema = z
  .array(z.enum(SUBSCRIBABLE_KINDS as [string, ...string[]]))
  .max(SUBSCRIBABLE_KINDS.length)
  .transform((events) => SUBSCRIBABLE_KINDS.filter((k) => events.includes(k)));

/** A secret as typed: empty means "none given". */
const secretTextSchema = textSchema.pipe(z.string().trim().max(200));

/** What is wrong with `secret` for a channel of `type`, or null (null secret: none). */
export function secretProblem(type: ChannelType, secret: string | null): string | null {
  if (secret === null) return null;
  if (type === "wecom") return "a WeCom robot has no secret: the key in its URL is the credential";
  if (type === "webhook") {
    if (!WHSEC.test(secret))
      return "must be a Standard Webhooks secret: whsec_ and base64 (leave it empty to generate one)";
    const b64 = secret.slice("whsec_".length);
    // Decoded length, without Buffer (this file also runs in the browser).
    const bytes = Math.floor((b64.length * 3) / 4) - (b64.match(/=+$/)?.[0].length ?? 0);
    if (bytes < 24 || bytes > 64) return "must hold 24 to 64 bytes after whsec_ (leave it empty to generate one)";
  }
  return null;
}

export const channelInputSchema = z
  .object({
    name: channelNameSchema,
    type: z.enum(CHANNEL_TYPES),
    url: channelUrlSchema,
    secret: secretTextSchema.optional().transform((s) => (s ? s : null)),
    events: channelEventsSchema.default([]),
    enabled: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    const problem = secretProblem(input.type, input.secret);
    if (problem) ctx.addIssue({ code: "custom", path: ["secret"], message: problem });
  });
export type ChannelInput = z.output<typeof channelInputSchema>;

/**
 * A change to a channel: only what is given changes. `secret`: a string
 * replaces it, `null` removes it (a webhook gets a new generated one instead:
 * its receiver must have a key to verify with); absent keeps it.
 */
export const channelPatchSchema = z.object({
  name: channelNameSchema.optional(),
  url: channelUrlSchema.optional(),
  secret: z.union([textSchema.pipe(z.string().trim().min(1, "must not be empty").max(200)), z.null()]).optional(),
  events: channelEventsSchema.optional(),
  enabled: z.boolean().optional(),
});
export type ChannelPatch = z.output<typeof channelPatchSchema>;

export const channelIdSchema = int64IdSchema;
/** One channel, by its id (delete, test alert). */
export const channelRefSchema = z.object({ channelId: channelIdSchema });
export const channelUpdateSchema = z.object({ channelId: channelIdSchema, patch: channelPatchSchema });
export const channelToggleSchema = z.object({ channelId: channelIdSchema, enabled: z.boolean() });

/** Deliveries shown per page of a channel's log. */
export const DELIVERY_PAGE_SIZE = 20;
