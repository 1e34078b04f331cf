import type { AlertKind, AlertPayload, ChannelType } from "./kinds";
import { dingtalkSignedUrl, feishuSign, standardWebhookHeaders } from "./sign";

/**
 * One delivery as an HTTP request, in the shape each receiver expects: the
 * generic webhook gets the Standard Webhooks envelope, the group robots a
 * markdown (DingTalk, WeCom) or text (Feishu) message.
 */

export interface DeliveryTarget {
  type: ChannelType;
  url: string;
  secret: string | null;
}

export interface DeliveryMessage {
  kind: AlertKind;
  messageId: string;
  payload: AlertPayload;
}

export interface OutboundRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A console path becomes a link people can open from the chat. */
function absoluteLink(link: string | undefined, publicUrl: string | undefined): string | undefined {
  if (!link) return undefined;
  if (/^https?:\/\//i.test(link)) return link;
  return publicUrl && link.startsWith("/") ? new URL(link, publicUrl).toString() : undefined;
}

function factLines(payload: AlertPayload): string[] {
  return Object.entries(payload.facts ?? {}).map(([k, v]) => `${k}: ${v}`);
}

function markdown(payload: AlertPayload, link: string | undefined): string {
  const lines = [`### ${payload.title}`, "", payload.text];
  const facts = factLines(payload);
  if (facts.length) lines.push("", ...facts.map((f) => `- ${f}`));
  if (link) lines.push("", `[${link}](${link})`);
  return lines.join("\n");
}

export function renderDelivery(
  target: DeliveryTarget,
  message: DeliveryMessage,
  opts: { now: Date; publicUrl?: string },
): OutboundRequest {
  const link = absoluteLink(message.payload.link, opts.publicUrl);
  const json = { "content-type": "application/json" };
  switch (target.type) {
    case "webhook": {
      const body = JSON.stringify({
        type: message.kind,
        timestamp: message.payload.occurredAt,
        data: { ...message.payload, ...(link ? { link } : {}) },
      });
      const seconds = Math.floor(opts.now.getTime() / 1000);
      const signed = target.secret ? standardWebhookHeaders(target.secret, message.messageId, seconds, body) : {};
      return { url: target.url, headers: { ...json, ...signed }, body };
    }
    case "dingtalk": {
      const body = JSON.stringify({
        msgtype: "markdown",
        markdown: { title: message.payload.title, text: markdown(message.payload, link) },
      });
      const url = target.secret ? dingtalkSignedUrl(target.url, target.secret, opts.now.getTime()) : target.url;
      return { url, headers: json, body };
    }
    case "wecom": {
      const body = JSON.stringify({ msgtype: "markdown", markdown: { content: markdown(message.payload, link) } });
      return { url: target.url, headers: json, body };
    }
    case "feishu": {
      const text = [
        message.payload.title,
        message.payload.text,
        ...factLines(message.payload),
        ...(link ? [link] : []),
      ].join("\n");
      const seconds = Math.floor(opts.now.getTime() / 1000);
      const signed = target.secret ? { timestamp: String(seconds), sign: feishuSign(target.secret, seconds) } : {};
      const body = JSON.stringify({ ...signed, msg_type: "text", content: { text } });
      return { url: target.url, headers: json, body };
    }
  }
}

/**
 * The group robots answer HTTP 200 with an error code in the body when they
 * refuse a message (a wrong signature, a rate limit): that is a failed attempt.
 */
export function robotRefusal(type: ChannelType, body: string): string | null {
  if (type === "webhook") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const fields = parsed as Record<string, unknown>;
  const code = type === "feishu" ? (fields.code ?? fields.StatusCode) : fields.errcode;
  if (code === undefined || code === 0) return null;
  const text = type === "feishu" ? (fields.msg ?? fields.StatusMessage) : fields.errmsg;
  return `the robot refused the message: ${String(code)} ${typeof text === "string" ? text : ""}`.trim();
}
