import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "../db/client";
import { getEnv } from "../env";
import type { Role } from "./permissions";

export { SESSION_COOKIE } from "./session-cookie";

export interface SessionUser {
  id: bigint;
  email: string;
  name: string;
  role: Role;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new session: 256 random bits in the cookie, only their hash in the database. */
export async function createSession(userId: bigint): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + getEnv().SESSION_TTL_HOURS * 3600_000);
  await prisma.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The signed-in user of a cookie token, or null when the session is unknown, expired, or the account disabled. */
export async function userForToken(token: string | undefined | null): Promise<SessionUser | null> {
  // Tokens are base64url (createSession): anything else is no session, without a query.
  if (!token || !/^[A-Za-z0-9_-]{1,100}$/.test(token)) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt <= new Date() || session.user.disabledAt) return null;
  const { disabledAt: _d, ...user } = session.user;
  return user;
}

export async function deleteSession(token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export function sessionCookieOptions(expiresAt: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: getEnv().PUBLIC_URL?.startsWith("https://") ?? false,
    path: "/",
    expires: expiresAt,
  };
}
