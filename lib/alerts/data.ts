import "server-only";
import { Prisma, prisma } from "../db/client";
import type { ChannelType, DeliveryState } from "./kinds";
import { DELIVERY_PAGE_SIZE } from "./schema";

/**
 * Reads of the notification channels for the admin page. The secret is never
 * selected: a channel leaves the server with `hasSecret` only, so no page,
 * prop or log can carry it.
 */

export interface ChannelView {
  id: bigint;
  name: string;
  type: ChannelType;
  url: string;
  events: string[];
  enabled: boolean;
  hasSecret: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface LastDelivery {
  kind: string;
  state: DeliveryState;
  createdAt: Date;
  lastError: string | null;
}

export type ChannelSummary = ChannelView & { lastDelivery: LastDelivery | null };

/**
 * Query values masked (`access_token=…`): DingTalk's token and WeCom's key
 * are credentials in the URL, so lists and the audit trail show the receiver
 * without them; only the edit form holds the full URL.
 */
export function maskedUrl(url: string): string {
  try {
    const u = new URL(url);
    const masked = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=…`).join("&");
    return `${u.origin}${u.pathname}${masked ? `?${masked}` : ""}`;
  } catch {
    return "…";
  }
}

type ChannelRow = Pick<ChannelView, "id" | "name" | "type" | "url" | "events" | "enabled"> & {
  has_secret: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
};

// Whether there is a secret, never what it is.
const CHANNEL_COLUMNS = Prisma.sql`c.id, c.name, c.type::text AS type, c.url, c.events, c.enabled,
  c.secret IS NOT NULL AS has_secret, c.created_by, c.created_at, c.updated_at`;

function channelView(r: ChannelRow): ChannelView {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    url: r.url,
    events: r.events,
    enabled: r.enabled,
    hasSecret: r.has_secret,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every channel, by name, with its newest delivery. */
export async function listChannels(): Promise<ChannelSummary[]> {
  const rows = await prisma.$queryRaw<
    (ChannelRow & { d_kind: string | null; d_state: DeliveryState | null; d_at: Date | null; d_error: string | null })[]
  >(Prisma.sql`
    SELECT ${CHANNEL_COLUMNS}, d.kind AS d_kind, d.state::text AS d_state, d.created_at AS d_at, d.last_error AS d_error
    FROM alert_channels c
    LEFT JOIN LATERAL (
      SELECT kind, state, created_at, last_error FROM alert_deliveries WHERE channel_id = c.id ORDER BY id DESC LIMIT 1
    ) d ON true
    ORDER BY c.name, c.id`);
  return rows.map((r) => ({
    ...channelView(r),
    lastDelivery:
      r.d_kind === null || r.d_state === null || r.d_at === null
        ? null
        : { kind: r.d_kind, state: r.d_state, createdAt: r.d_at, lastError: r.d_error },
  }));
}

/** One channel, or null. */
export async function getChannel(id: bigint): Promise<ChannelView | null> {
  const [row] = await prisma.$queryRaw<ChannelRow[]>(
    Prisma.sql`SELECT ${CHANNEL_COLUMNS} FROM alert_channels c WHERE c.id = ${id}`,
  );
  return row ? channelView(row) : null;
}

export interface DeliveryView {
  id: bigint;
  kind: string;
  messageId: string;
  title: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  attemptLog: {
    attempt: number;
    at: Date;
    durationMs: number;
    httpStatus: number | null;
    error: string | null;
    responseBody: string | null;
  }[];
}

export interface DeliveryPage {
  rows: DeliveryView[];
  /** The id to pass as `before` for older deliveries, or null on the last page. */
  next: string | null;
}

/** A channel's deliveries, newest first, keyset-paged on id (ids grow with time), each with its attempts. */
export async function listDeliveries(
  channelId: bigint,
  before: bigint | null,
  size = DELIVERY_PAGE_SIZE,
): Promise<DeliveryPage> {
  const rows = await prisma.alertDelivery.findMany({
    where: { channelId, ...(before !== null ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: size + 1,
    include: { attemptLog: { orderBy: { attempt: "asc" } } },
  });
  const page = rows.slice(0, size);
  return {
    rows: page.map((d) => ({
      id: d.id,
      kind: d.kind,
      messageId: d.messageId,
      title: titleOf(d.payload),
      state: d.state,
      attempts: d.attempts,
      nextAttemptAt: d.nextAttemptAt,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
      attemptLog: d.attemptLog.map((a) => ({
        attempt: a.attempt,
        at: a.at,
        durationMs: a.durationMs,
        httpStatus: a.httpStatus,
        error: a.error,
        responseBody: a.responseBody,
      })),
    })),
    next: rows.length > size ? page[page.length - 1]!.id.toString() : null,
  };
}

function titleOf(payload: unknown): string {
  const title = typeof payload === "object" && payload !== null ? (payload as { title?: unknown }).title : undefined;
  return typeof title === "string" ? title : "";
}
