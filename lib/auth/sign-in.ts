import "server-only";
import { recordAudit } from "../audit/mutations";
import { prisma } from "../db/client";
import { getEnv } from "../env";
import { rateLimitKey } from "../net/client-address";
import { verifyPassword } from "./password";
import { createSession } from "./sessions";

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; code: "invalid" | "rate_limited"; message: string }
  | { ok: false; code: "locked"; message: string; lockedUntil: Date; maxFailures: number };

// A password hash to verify against when the account does not exist, so that
// the answer takes as long for unknown emails as for wrong passwords.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$B9zjIWerPLcfOMyWg6X03w$ob5QNks0x48knr0XzY8l/fNRVVrpXci0s4uiQ1eDSRQ";

// Attempts per client address in any minute, across accounts (guessing many accounts from one place).
// IPv6 addresses count by their /64 (lib/net/client-address.ts). Counted in PostgreSQL
// (sign_in_attempts), so that every web instance shares the limit and a restart keeps it.
const PER_ADDRESS = 20;

/** Records an attempt from `address` and says whether it is within the limit (the last minute's attempts, this one included). */
async function addressAllowed(address: string): Promise<boolean> {
  const key = rateLimitKey(address);
  // One statement: the minute-old rows go, this attempt is added, the earlier ones of the minute are counted.
  const [row] = await prisma.$queryRaw<{ earlier: number }[]>`
    WITH expired AS (DELETE FROM sign_in_attempts WHERE at < now() - interval '1 minute'),
    added AS (INSERT INTO sign_in_attempts (key) VALUES (${key}))
    SELECT count(*)::int AS earlier FROM sign_in_attempts WHERE key = ${key} AND at >= now() - interval '1 minute'`;
  return (row?.earlier ?? 0) + 1 <= PER_ADDRESS;
}

const INVALID = { ok: false as const, code: "invalid" as const, message: "The email or password is wrong." };

/**
 * Checks a password. Accounts lock for LOGIN_LOCK_MINUTES after
 * LOGIN_MAX_FAILURES consecutive failures; every outcome is audited (the
 * password never is). `address` is the client's, as
 * lib/http/request-address.ts decides it; it is audited in full.
 */
export async function signIn(emailInput: string, password: string, address: string): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const env = getEnv();
  if (!(await addressAllowed(address))) {
    await recordAudit({ actor: null, action: "sign_in.rate_limited", target: email, details: { address } });
    return { ok: false, code: "rate_limited", message: "Too many sign-in attempts from here. Wait a minute and try again." };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || user.disabledAt) {
    await verifyPassword(DUMMY_HASH, password);
    await recordAudit({ actor: null, action: "sign_in.failed", target: email, details: { address, reason: user ? "disabled" : "unknown_email" } });
    return INVALID;
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordAudit({ actor: { id: user.id, email }, action: "sign_in.locked", target: email, details: { address } });
    return {
      ok: false,
      code: "locked",
      message: `This account is locked after ${env.LOGIN_MAX_FAILURES} failed sign-ins. Try again after ${user.lockedUntil.toISOString().slice(11, 16)} UTC or ask an admin.`,
      lockedUntil: user.lockedUntil,
      maxFailures: env.LOGIN_MAX_FAILURES,
    };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= env.LOGIN_MAX_FAILURES;
    await prisma.user.update({
      where: { id: user.id },
      data: { failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + env.LOGIN_LOCK_MINUTES * 60_000) : null },
    });
    await recordAudit({ actor: { id: user.id, email }, action: lock ? "sign_in.lockout" : "sign_in.failed", target: email, details: { address, failures } });
    return INVALID;
  }
  await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  const session = await createSession(user.id);
  await recordAudit({ actor: { id: user.id, email }, action: "sign_in.succeeded", target: email, details: { address } });
  return { ok: true, ...session };
}
