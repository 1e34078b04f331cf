import { createHmac, randomBytes } from "node:crypto";

/**
 * The signatures receivers check. Each follows its published specification
 * exactly (docs/alerts.md names them); the tests verify them with independent
 * implementations and the specification's own test vector.
 */

const WHSEC = "whsec_";

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return WHSEC + randomBytes(32).toString("base64");
}

/** True for a `whsec_<base64>` secret of 24 to 64 bytes (the specification's range). */
export function isWebhookSecret(secret: string): boolean {
  if (!secret.startsWith(WHSEC)) return false;
  const b64 = secret.slice(WHSEC.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return false;
  const bytes = Buffer.from(b64, "base64").length;
  return bytes >= 24 && bytes <= 64;
}

/**
 * Standard Webhooks (the scheme Svix and, in substance, Stripe use): HMAC-SHA256
 * keyed with the base64-decoded secret over `${id}.${timestamp}.${body}`, the
 * timestamp in Unix seconds, sent as `webhook-signature: v1,<base64>`.
 */
export function standardWebhookHeaders(
  secret: string,
  messageId: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const key = Buffer.from(secret.slice(WHSEC.length), "base64");
  const signature = createHmac("sha256", key).update(`${messageId}.${timestampSeconds}.${body}`).digest("base64");
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": `v1,${signature}`,
  };
}

/** DingTalk's group robot "加签": base64(HMAC-SHA256(secret, `${timestampMs}\n${secret}`)), as URL query values. */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
  const signed = new URL(url);
  // URLSearchParams percent-encodes the base64 (+, /, =) as DingTalk requires.
  signed.searchParams.set("timestamp", String(timestampMs));
  signed.searchParams.set("sign", sign);
  return signed.toString();
}

/** Feishu's custom bot "签名校验": base64(HMAC-SHA256 keyed with `${timestampSeconds}\n${secret}` over nothing). */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}
