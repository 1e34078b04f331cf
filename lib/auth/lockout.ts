import "server-only";
import { prisma } from "../db/client";
import { getEnv } from "../env";

/**
 * Counts one failed proof (a wrong second-factor code, a wrong password when
 * confirming identity) toward the account's lockout: the same counter, rules
 * and single statement as a sign-in attempt (lib/auth/sign-in.ts), so that
 * concurrent attempts each count. A lock that has run out, or a day without
 * attempts, starts the count again.
 */
export async function countFailure(
  userId: bigint,
): Promise<{ locked: boolean; failures: number; lockedUntil: Date | null }> {
  const { LOGIN_MAX_FAILURES: max, LOGIN_LOCK_MINUTES: lockMinutes } = getEnv();
  const [row] = await prisma.$queryRaw<{ failures: number; locked_until: Date | null }[]>`
    UPDATE users SET
      failed_logins = CASE WHEN (locked_until <= now() OR failed_login_at < now() - interval '1 day') THEN 1 ELSE failed_logins + 1 END,
      locked_until = CASE
        WHEN (locked_until <= now() OR failed_login_at < now() - interval '1 day') THEN CASE WHEN 1 >= ${max} THEN now() + ${lockMinutes} * interval '1 minute' END
        WHEN locked_until IS NULL AND failed_logins + 1 >= ${max} THEN now() + ${lockMinutes} * interval '1 minute'
        ELSE locked_until END,
      failed_login_at = now()
    WHERE id = ${userId}
    RETURNING failed_logins AS failures, locked_until`;
  const locked = !!row?.locked_until && row.locked_until > new Date();
  return { locked, failures: row?.failures ?? 0, lockedUntil: row?.locked_until ?? null };
}

export async function isLocked(userId: bigint): Promise<Date | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { lockedUntil: true } });
  return user?.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil : null;
}
