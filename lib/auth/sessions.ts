import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "../db/client";
import { USER_IDENTITY_SELECT } from "../users/identity-select";
import { getEnv } from "../env";
import type { Role } from "./permissions";
import { pendingStep, type SessionStep } from "./steps";

export { SESSION_COOKIE } from "./session-cookie";

export interface SessionUser {
  id: bigint;
  email: string;
  name: string;
  role: Role;
}

/** A session as its cookie finds it: whose, and what its owner still owes before using the console. */
export interface SessionState {
  sessionId: bigint;
  user: SessionUser;
  /** null: fully signed in. */
  step: SessionStep | null;
  authenticatedAt: Date;
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// last_seen_at is written at most this often per session, not on every request.
const SEEN_RESOLUTION_MS = 60_000;

export interface SessionOrigin {
  address?: string;
  userAgent?: string | null;
  /** The password was right; the second factor is still owed. */
  pendingSecondFactor?: boolean;
  /** Signed in through the OIDC provider (lib/auth/oidc). */
  singleSignOn?: boolean;
}

/** A new session: 256 random bits in the cookie, only their hash in the database. */
export async function createSession(
  userId: bigint,
  origin: SessionOrigin = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + getEnv().SESSION_TTL_HOURS * 3600_000);
  await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      expiresAt,
      address: origin.address ?? null,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
      pendingSecondFactor: origin.pendingSecondFactor ?? false,
      singleSignOn: origin.singleSignOn ?? false,
    },
  });
  return { token, expiresAt };
}

/**
 * The session of a cookie token, or null when it is unknown, expired (absolutely
 * or after SESSION_IDLE_MINUTES unused), or the account is disabled.
 */
export async function sessionForToken(token: string | undefined | null): Promise<SessionState | null> {
  // Tokens are base64url (createSession): anything else is no session, without a query.
  if (!token || !/^[A-Za-z0-9_-]{1,100}$/.test(token)) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      authenticatedAt: true,
      pendingSecondFactor: true,
      singleSignOn: true,
      user: {
        select: {
          ...USER_IDENTITY_SELECT,
          mustChangePassword: true,
          totpEnabledAt: true,
        },
      },
    },
  });
  if (!session || session.user.disabledAt) return null;
  const now = Date.now();
  const idleMs = getEnv().SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt.getTime() <= now || (idleMs > 0 && session.lastSeenAt.getTime() + idleMs <= now)) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() >= SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { id, email, name, role } = session.user;
  return {
    sessionId: session.id,
    user: { id, email, name, role },
    step: pendingStep({
      ...session.user,
      pendingSecondFactor: session.pendingSecondFactor,
      singleSignOn: session.singleSignOn,
    }),
    authenticatedAt: session.authenticatedAt,
  };
}

/** The signed-in user of a cookie token, or null: also null while the session still owes a step (second factor, new password, enrolment). */
export async function userForToken(token: string | undefined | null): Promise<SessionUser | null> {
  const state = await sessionForToken(token);
  return state && state.step === null ? state.user : null;
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
