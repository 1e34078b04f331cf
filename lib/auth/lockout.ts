import "server-only";
import { Prisma, prisma } from "../db/client";
import { getEnv } from "../env";

/** One attempt at proving who one is (a password, a second-factor code), as counted: its number and the lock it left. */
export type CountedAttempt = { attempt: number; lockedUntil: Date | null };

/** A lock that has run out, or a day without attempts, starts the count again. */
const STALE = Prisma.sql`(locked_until <= now() OR failed_login_at < now() - interval '1 day')`;

/**
 * The SET list that counts one attempt on a users row. Every expression reads the row as the
 * UPDATE's row lock found it (the latest version), so concurrent attempts count one after the
 * other and each sees the count the one before it left; the attempt that reaches the limit sets
 * the lock. Used by every proof (sign-in, second factor, re-authentication), counted before the
 * proof is checked: checking first and counting after lets a burst be checked before any count.
 */
export function countedAttemptSet(): Prisma.Sql {
  const { LOGIN_MAX_FAILURES: max, LOGIN_LOCK_MINUTES: lockMinutes } = getEnv();
  return Prisma.sql`
    failed_logins = CASE WHEN ${STALE} THEN 1 ELSE failed_logins + 1 END,
    locked_until = CASE
      WHEN ${STALE} THEN CASE WHEN 1 >= ${max} THEN now() + ${lockMinutes} * interval '1 minute' END
      WHEN locked_until IS NULL AND failed_logins + 1 >= ${max} THEN now() + ${lockMinutes} * interval '1 minute'
      ELSE locked_until END,
    failed_login_at = now()`;
}

/** Counts an attempt by an account before its proof is checked; null when the account does not exist. */
export async function countAttempt(userId: bigint): Promise<CountedAttempt | null> {
  const [row] = await prisma.$queryRaw<{ attempt: number; locked_until: Date | null }[]>`
    UPDATE users SET ${countedAttemptSet()} WHERE id = ${userId}
    RETURNING failed_logins AS attempt, locked_until`;
  return row ? { attempt: row.attempt, lockedUntil: row.locked_until } : null;
}

/** Whether a counted attempt comes after the limit: refused without checking its proof. */
export function refusedUnchecked(counted: CountedAttempt): counted is { attempt: number; lockedUntil: Date } {
  return counted.attempt > getEnv().LOGIN_MAX_FAILURES && counted.lockedUntil !== null;
}

/** Whether a counted attempt that failed its check is the one that locked the account. */
export function lockedBy(counted: CountedAttempt): counted is { attempt: number; lockedUntil: Date } {
  return counted.lockedUntil !== null && counted.lockedUntil > new Date();
}

/**
 * After a proof passed, clears the count, but only if no other attempt has been counted since
 * this one: attempts counted while it was being checked (a burst of guesses around the right
 * password) keep their count and the lock they reached, so a success never refunds them.
 */
export function clearCountAfter(userId: bigint, counted: CountedAttempt) {
  return prisma.user.updateMany({
    where: { id: userId, failedLogins: counted.attempt },
    data: { failedLogins: 0, lockedUntil: null, failedLoginAt: null },
  });
}

/**
 * Counts an attempt by a signed-in account, checks `proof` only if the count allows it, and clears
 * the count when it passes: the password or code that confirms a sensitive action or a password
 * change. A borrowed session cannot use these to guess the password any more than the sign-in form.
 */
export async function countedProof(userId: bigint, proof: () => Promise<boolean>): Promise<"ok" | "wrong" | "locked"> {
  const counted = await countAttempt(userId);
  if (!counted || refusedUnchecked(counted)) return "locked";
  if (!(await proof())) return "wrong";
  await clearCountAfter(userId, counted);
  return "ok";
}
