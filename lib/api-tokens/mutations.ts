import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "../db/client";
import { hashToken } from "./data";
import { INGEST_PREFIX, PAT_PREFIX } from "./schema";

function newToken(prefix: string): { token: string; tokenHash: string; hint: string } {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), hint: token.slice(-4) };
}

/** A new personal access token for `userId`; the token itself is returned here and never again. */
export async function createPersonalToken(input: {
  userId: bigint;
  name: string;
  readOnly: boolean;
  expiresAt: Date | null;
}): Promise<{ id: bigint; token: string }> {
  const { token, tokenHash, hint } = newToken(PAT_PREFIX);
  const row = await prisma.apiToken.create({
    data: {
      userId: input.userId,
      name: input.name,
      tokenHash,
      hint,
      readOnly: input.readOnly,
      expiresAt: input.expiresAt,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** Revokes a token (of `ownerId` only, unless null: an admin's revocation). Returns its name, or null when there was none to revoke. */
export async function revokePersonalToken(
  id: bigint,
  ownerId: bigint | null,
): Promise<{ name: string; ownerId: bigint } | null> {
  const token = await prisma.apiToken.findUnique({
    where: { id },
    select: { name: true, userId: true, revokedAt: true },
  });
  if (!token || token.revokedAt || (ownerId !== null && token.userId !== ownerId)) return null;
  await prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  return { name: token.name, ownerId: token.userId };
}

/** Notes a token's use, at most once a minute (no write per request). */
export async function touchPersonalToken(id: bigint): Promise<void> {
  await prisma.$executeRaw`UPDATE api_tokens SET last_used_at = now() WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
}

export async function createIngestToken(input: {
  name: string;
  createdBy: string;
}): Promise<{ id: bigint; token: string } | null> {
  const { token, tokenHash, hint } = newToken(INGEST_PREFIX);
  const existing = await prisma.ingestToken.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) return null;
  const row = await prisma.ingestToken.create({
    data: { name: input.name, tokenHash, hint, createdBy: input.createdBy },
    select: { id: true },
  });
  return { id: row.id, token };
}

export async function revokeIngestToken(id: bigint): Promise<{ name: string } | null> {
  const token = await prisma.ingestToken.findUnique({ where: { id }, select: { name: true, revokedAt: true } });
  if (!token || token.revokedAt) return null;
  await prisma.ingestToken.update({ where: { id }, data: { revokedAt: new Date() } });
  return { name: token.name };
}

export async function touchIngestToken(id: bigint): Promise<void> {
  await prisma.$executeRaw`UPDATE ingest_tokens SET last_used_at = now() WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
}
