import "server-only";
import { prisma } from "../db/client";
import { getEnv } from "../env";

/**
 * Counts one failed proof (a wrong second-factor code) toward the account's
 * lockout, the same counter as failed passwords, in one statement so that
 * concurrent attempts each count. Says whether this failure locked it.
 */
export async function countFailure(userId: bigint): Promise<{ locked: boolean; failures: number; lockedUntil: Date | null }> {
  const env = getEnv();
  const [row] = await prisma.$queryRaw<{ failures: number; locked_until: Date | null }[]>`
    UPDATE users SET
      failed_logins = CASE WHEN failed_logins + 1 >= ${env.LOGIN_MAX_FAILURES} THEN 0 ELSE failed_logins + 1 END,
      locked_until = CASE WHEN failed_logins + 1 >= ${env.LOGIN_MAX_FAILURES} THEN now() + ${env.LOGIN_LOCK_MINUTES} * interval '1 minute' ELSE locked_until END
    WHERE id = ${userId}
    RETURNING failed_logins + 0 AS failures, locked_until`;
  const locked = !!row?.locked_until && row.locked_until > new Date() && row.failures === 0;
  return { locked, failures: locked ? env.LOGIN_MAX_FAILURES : (row?.failures ?? 0), lockedUntil: row?.locked_until ?? null };
}

export async function isLocked(userId: bigint): Promise<Date | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { lockedUntil: true } });
  return user?.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil : null;
}
