import "server-only";
import { recordAudit } from "../audit/mutations";
import { prisma } from "../db/client";
import { getEnv } from "../env";
import { rateLimitKey } from "../net/client-address";
import { type CountedAttempt, clearCountAfter, countedAttemptSet, refusedUnchecked } from "./lockout";
import { verifyPassword } from "./password";
import { createSession } from "./sessions";

export type SignInFailure =
  | { ok: false; code: "invalid" | "rate_limited" | "password_off"; message: string }
  | { ok: false; code: "locked"; message: string; lockedUntil: Date; maxFailures: number };

export type SignInResult = { ok: true; token: string; expiresAt: Date } | SignInFailure;

/** The account whose password was right, before any session exists (a second factor can come in between). */
export type VerifiedUser = { id: bigint; email: string };

// A password hash to verify against when the account does not exist or is disabled, so that
// the answer takes as long for unknown emails as for wrong passwords.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$B9zjIWerPLcfOMyWg6X03w$ob5QNks0x48knr0XzY8l/fNRVVrpXci0s4uiQ1eDSRQ";

// Attempts per client address in any minute, across accounts (guessing many accounts from one place).
// IPv6 addresses count by their /64 (lib/net/client-address.ts). Counted in PostgreSQL
// (sign_in_attempts), so that every web instance shares the limit and a restart keeps it.
export const PER_ADDRESS = 20;

/**
 * Records an attempt from `address` and says whether it is within the limit (the last minute's
 * attempts, this one included). sign_in_count_address (migration 20261205010000) counts under
 * an advisory lock on the address, so concurrent attempts count one after the other: without
 * it each statement's snapshot misses the others' rows and a burst gets through.
 */
async function addressAllowed(address: string): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT sign_in_count_address(${rateLimitKey(address)}) AS n`;
  return (row?.n ?? 0) <= PER_ADDRESS;
}

type CountedUser = CountedAttempt & { id: bigint; passwordHash: string; disabled: boolean; secondFactor: boolean };

/**
 * Counts this attempt against `email`, atomically and before any password is checked, with the
 * count every proof shares (lib/auth/lockout.ts); null when no account has that email.
 */
async function countUserAttempt(email: string): Promise<CountedUser | null> {
  const [row] = await prisma.$queryRaw<
    {
      id: bigint;
      password_hash: string;
      disabled: boolean;
      second_factor: boolean;
      attempt: number;
      locked_until: Date | null;
    }[]
  >`
    UPDATE users SET ${countedAttemptSet()}
    WHERE email = ${email}
    RETURNING id, password_hash, disabled_at IS NOT NULL AS disabled, totp_enabled_at IS NOT NULL AS second_factor, failed_logins AS attempt, locked_until`;
  return row
    ? {
        id: row.id,
        passwordHash: row.password_hash,
        disabled: row.disabled,
        secondFactor: row.second_factor,
        attempt: row.attempt,
        lockedUntil: row.locked_until,
      }
    : null;
}

/** The same count for an email without an account (sign_in_failures), so that the answers do not tell the two apart. */
async function countUnknownAttempt(email: string, max: number, lockMinutes: number): Promise<CountedAttempt> {
  // Day-old counters go first (not atomic with the count: nothing depends on it).
  await prisma.$executeRaw`DELETE FROM sign_in_failures WHERE failed_at < now() - interval '1 day'`;
  const rows = await prisma.$queryRaw<{ attempt: number; locked_until: Date | null }[]>`
      INSERT INTO sign_in_failures AS f (email, failures, locked_until, failed_at)
      VALUES (${email}, 1, CASE WHEN 1 >= ${max} THEN now() + ${lockMinutes} * interval '1 minute' END, now())
      ON CONFLICT (email) DO UPDATE SET
        failures = CASE WHEN f.locked_until <= now() THEN 1 ELSE f.failures + 1 END,
        locked_until = CASE
          WHEN f.locked_until <= now() THEN CASE WHEN 1 >= ${max} THEN now() + ${lockMinutes} * interval '1 minute' END
          WHEN f.locked_until IS NULL AND f.failures + 1 >= ${max} THEN now() + ${lockMinutes} * interval '1 minute'
          ELSE f.locked_until END,
        failed_at = now()
      RETURNING failures AS attempt, locked_until`;
  const row = rows[0];
  if (!row) throw new Error("sign_in_failures upsert returned no row");
  return { attempt: row.attempt, lockedUntil: row.locked_until };
}

const INVALID = { ok: false as const, code: "invalid" as const, message: "The email or password is wrong." };

function lockedAnswer(lockedUntil: Date, maxFailures: number): SignInFailure {
  return {
    ok: false,
    code: "locked",
    message: `This account is locked after ${maxFailures} failed sign-ins. Try again after ${lockedUntil.toISOString().slice(11, 16)} UTC or ask an admin.`,
    lockedUntil,
    maxFailures,
  };
}

/**
 * Checks an email and password, without signing in. Accounts lock for LOGIN_LOCK_MINUTES once
 * LOGIN_MAX_FAILURES attempts have been made without success; an email without an account
 * answers exactly the same, after as long. Every outcome but success is audited here (the
 * password never is). `address` is the client's, as lib/http/request-address.ts decides it.
 */
export async function verifyCredentials(
  emailInput: string,
  password: string,
  address: string,
): Promise<{ ok: true; user: VerifiedUser } | SignInFailure> {
  const email = emailInput.trim().toLowerCase();
  const { LOGIN_MAX_FAILURES: max, LOGIN_LOCK_MINUTES: lockMinutes } = getEnv();
  if (!(await addressAllowed(address))) {
    await recordAudit({ actor: null, action: "sign_in.rate_limited", target: email, details: { address } });
    return {
      ok: false,
      code: "rate_limited",
      message: "Too many sign-in attempts from here. Wait a minute and try again.",
    };
  }
  const user = await countUserAttempt(email);
  const counted = user ?? (await countUnknownAttempt(email, max, lockMinutes));
  const actor = user ? { id: user.id, email } : null;
  if (refusedUnchecked(counted)) {
    await recordAudit({ actor, action: "sign_in.locked", target: email, details: { address } });
    return lockedAnswer(counted.lockedUntil, max);
  }
  const passwordRight = await verifyPassword(user && !user.disabled ? user.passwordHash : DUMMY_HASH, password);
  if (!user || user.disabled || !passwordRight) {
    const reason = !user ? "unknown_email" : user.disabled ? "disabled" : "wrong_password";
    const lockout = counted.attempt >= max;
    await recordAudit({
      actor,
      action: lockout ? "sign_in.lockout" : "sign_in.failed",
      target: email,
      details: { address, reason, failures: counted.attempt },
    });
    return INVALID;
  }
  // With a second factor the count goes on until the code is given (lib/auth/second-factor.ts):
  // the right password alone does not clear the failed codes before it.
  if (!user.secondFactor) await clearCountAfter(user.id, user);
  return { ok: true, user: { id: user.id, email } };
}

/** Checks the password and, when it is right, starts a session (audited); with a second factor the session owes the code first. */
export async function signIn(
  emailInput: string,
  password: string,
  address: string,
  userAgent?: string | null,
): Promise<SignInResult> {
  const { PASSWORD_SIGN_IN, BREAK_GLASS_EMAIL } = getEnv();
  // Checked before the password, and the same answer whether or not the account exists.
  if (PASSWORD_SIGN_IN === "off" && emailInput.trim().toLowerCase() !== BREAK_GLASS_EMAIL) {
    await recordAudit({
      actor: null,
      action: "sign_in.password_off",
      target: emailInput.trim().toLowerCase().slice(0, 254),
      details: { address },
    });
    return { ok: false, code: "password_off", message: "Password sign-in is switched off: use single sign-on." };
  }
  const verified = await verifyCredentials(emailInput, password, address);
  if (!verified.ok) return verified;
  const { totpEnabledAt } = await prisma.user.findUniqueOrThrow({
    where: { id: verified.user.id },
    select: { totpEnabledAt: true },
  });
  const pendingSecondFactor = totpEnabledAt !== null;
  const session = await createSession(verified.user.id, { address, userAgent, pendingSecondFactor });
  await recordAudit({
    actor: verified.user,
    action: pendingSecondFactor ? "sign_in.password_accepted" : "sign_in.succeeded",
    target: verified.user.email,
    details: { address },
  });
  return { ok: true, ...session };
}
