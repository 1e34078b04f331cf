import "server-only";
import { randomBytes } from "node:crypto";
import { ActionError } from "../actions/wrapper";
import { hashPassword } from "../auth/password";
import { hashToken } from "../auth/sessions";
import { prisma } from "../db/client";
import { getEnv } from "../env";

/** Refuses to leave the console without an active admin. */
export async function assertAnotherActiveAdmin(
  exceptId: bigint,
  db: Pick<typeof prisma, "user"> = prisma,
): Promise<void> {
  const admins = await db.user.count({ where: { role: "admin", disabledAt: null, id: { not: exceptId } } });
  if (admins === 0)
    throw new ActionError("last_admin", "This is the last active admin: make someone else admin first.");
}

/**
 * An admin's password reset: the old password stops working, every session
 * ends, the account is unlocked, and a one-time set-password link (valid
 * PASSWORD_RESET_HOURS) is returned for the admin to hand over, since the
 * console sends no mail. Only the link's hash is kept.
 */
export async function createResetLink(targetId: bigint): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + getEnv().PASSWORD_RESET_HOURS * 3600_000);
  // A random password nobody knows: whatever the old one was, it no longer signs in.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  await prisma.$transaction([
    prisma.user.update({
      where: { id: targetId },
      data: {
        passwordHash,
        mustChangePassword: true,
        resetTokenHash: hashToken(token),
        resetExpiresAt: expiresAt,
        failedLogins: 0,
        lockedUntil: null,
        failedLoginAt: null,
        updatedAt: new Date(),
      },
    }),
    prisma.session.deleteMany({ where: { userId: targetId } }),
  ]);
  return { token, expiresAt };
}

/** An admin's reset of a user's second factor: the user enrols again (at the next sign-in when their role requires it). */
export async function clearTwoFactor(targetId: bigint): Promise<void> {
  await prisma.$transaction([
    prisma.user.update({
      where: { id: targetId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() },
    }),
    prisma.recoveryCode.deleteMany({ where: { userId: targetId } }),
    prisma.session.deleteMany({ where: { userId: targetId } }),
  ]);
}
