/**
 * What an alert is about, and where alerts go. Kinds are stable names: channels
 * store the ones they receive, receivers switch on them (`type` in the webhook
 * body). Shared by the server and the admin page, so nothing here is server-only.
 */

export const ALERT_KINDS = [
  "batch.failures",
  "batch.paused",
  "rule.paused",
  "approval.requested",
  "archive.failures",
  "ingest.rejections",
  "test",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The kinds a channel chooses among ("test" is sent by the channel's own button only). */
export const SUBSCRIBABLE_KINDS = ALERT_KINDS.filter((k) => k !== "test");

export const CHANNEL_TYPES = ["webhook", "dingtalk", "wecom", "feishu"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const DELIVERY_STATES = ["queued", "in_flight", "retrying", "delivered", "failed"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** What every channel type renders: the alert as raiseAlert received it, plus when it happened. */
export interface AlertContent {
  title: string;
  text: string;
  /** A console path (`/submissions/12`) or an absolute http(s) URL. */
  link?: string;
  facts?: Record<string, string | number>;
}

export interface AlertPayload extends AlertContent {
  occurredAt: string;
}
