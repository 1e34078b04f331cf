import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "../db/client";
import type { Role } from "../auth/permissions";
import type { SessionUser } from "../auth/sessions";
import { USER_IDENTITY_SELECT } from "../users/identity-select";
import { INGEST_PREFIX, PAT_PREFIX } from "./schema";

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface TokenPrincipal {
  user: SessionUser;
  token: { id: bigint; name: string; readOnly: boolean };
}

export type TokenCheck =
  { ok: true; principal: TokenPrincipal } | { ok: false; reason: "unknown" | "revoked" | "expired" | "owner_disabled" };

/** What a token's check reads: its state, and its owner as the session user is made of. */
const PRINCIPAL_FIELDS = {
  id: true,
  name: true,
  readOnly: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: USER_IDENTITY_SELECT },
} as const;

/**
 * The owner behind a personal access token, checked on every request: a
 * revoked or expired token, or a disabled owner, is refused at once, and the
 * role is the owner's role now (a demotion applies on the next request).
 */
export async function principalForToken(token: string): Promise<TokenCheck> {
  if (!token.startsWith(PAT_PREFIX) || token.length > 100) return { ok: false, reason: "unknown" };
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: PRINCIPAL_FIELDS });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt && row.expiresAt <= new Date()) return { ok: false, reason: "expired" };
  if (row.user.disabledAt) return { ok: false, reason: "owner_disabled" };
  const { disabledAt: _d, ...user } = row.user;
  return {
    ok: true,
    principal: {
      user: { ...user, role: user.role as Role },
      token: { id: row.id, name: row.name, readOnly: row.readOnly },
    },
  };
}

export interface TokenListItem {
  id: bigint;
  name: string;
  hint: string;
  readOnly: boolean;
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  owner: { email: string; role: Role };
}

const LIST_FIELDS = {
  id: true,
  name: true,
  hint: true,
  readOnly: true,
  expiresAt: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { email: true, role: true } },
} as const;

/** One user's tokens (`userId`), or everyone's (admins), newest first. */
export async function listTokens(userId?: bigint): Promise<TokenListItem[]> {
  const rows = await prisma.apiToken.findMany({
    where: userId === undefined ? {} : { userId },
    orderBy: { id: "desc" },
    take: 500,
    select: LIST_FIELDS,
  });
  return rows.map(({ user, ...t }) => ({ ...t, owner: { email: user.email, role: user.role as Role } }));
}

/** The named ingest token a bearer token is, or null (unknown or revoked). */
export async function ingestTokenByValue(token: string): Promise<{ id: bigint; name: string } | null> {
  if (!token.startsWith(INGEST_PREFIX) || token.length > 100) return null;
  const row = await prisma.ingestToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, revokedAt: true },
  });
  return row && !row.revokedAt ? { id: row.id, name: row.name } : null;
}

export async function listIngestTokens() {
  return prisma.ingestToken.findMany({
    orderBy: { id: "desc" },
    take: 500,
    select: { id: true, name: true, hint: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
