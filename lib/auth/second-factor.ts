import "server-only";
import { recordAudit } from "../audit/mutations";
import { prisma } from "../db/client";
import { getEnv } from "../env";
import { clearCountAfter, countAttempt, lockedBy, refusedUnchecked } from "./lockout";
import { hashToken } from "./sessions";
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode } from "./totp";

export type ProofResult = { ok: true; method: "totp" | "recovery_code"; recoveryCodesLeft?: number } | { ok: false };

/**
 * Checks a TOTP code or a recovery code of an enrolled user and uses it up:
 * the TOTP's time step is recorded (never accepted again), a recovery code is
 * marked used. Both in conditional writes, so two requests racing with the
 * same code cannot both pass.
 */
export async function consumeSecondFactor(userId: bigint, code: string): Promise<ProofResult> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user?.totpSecret || !user.totpEnabledAt) return { ok: false };
  if (looksLikeRecoveryCode(code)) {
    const used = await prisma.recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return { ok: false };
    return {
      ok: true,
      method: "recovery_code",
      recoveryCodesLeft: await prisma.recoveryCode.count({ where: { userId, usedAt: null } }),
    };
  }
  const step = await checkTotp(user.totpSecret, code, user.totpLastStep);
  if (step === null) return { ok: false };
  const claimed = await prisma.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
    data: { totpLastStep: BigInt(step) },
  });
  return claimed.count === 1 ? { ok: true, method: "totp" } : { ok: false };
}

export type SecondStepResult =
  | { ok: true; recoveryCodesLeft?: number }
  | { ok: false; code: "invalid" }
  | { ok: false; code: "locked"; lockedUntil: Date; maxFailures: number };

/**
 * The second step of signing in, after the password: the session owing its
 * second factor becomes a full one. Wrong codes count toward the account's
 * lockout like wrong passwords; a lockout ends the half-signed-in session.
 */
export async function completeSecondFactor(
  token: string,
  userId: bigint,
  email: string,
  code: string,
  address: string,
): Promise<SecondStepResult> {
  const { LOGIN_MAX_FAILURES: maxFailures } = getEnv();
  const endHalfSession = () => prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
  // Counted before the code is checked, like a password (lib/auth/lockout.ts).
  const counted = await countAttempt(userId);
  if (!counted) return { ok: false, code: "invalid" };
  if (refusedUnchecked(counted)) {
    await endHalfSession();
    await recordAudit({
      actor: { id: userId, email },
      action: "sign_in.locked",
      target: email,
      details: { address, step: "second_factor" },
    });
    return { ok: false, code: "locked", lockedUntil: counted.lockedUntil, maxFailures };
  }
  const proof = await consumeSecondFactor(userId, code);
  if (!proof.ok) {
    const locked = lockedBy(counted);
    await recordAudit({
      actor: { id: userId, email },
      action: locked ? "sign_in.lockout" : "sign_in.second_factor_failed",
      target: email,
      details: { address, failures: counted.attempt },
    });
    if (!locked) return { ok: false, code: "invalid" };
    await endHalfSession();
    return { ok: false, code: "locked", lockedUntil: counted.lockedUntil, maxFailures };
  }
  await prisma.$transaction([
    clearCountAfter(userId, counted),
    prisma.session.updateMany({
      where: { tokenHash: hashToken(token), userId },
      data: { pendingSecondFactor: false, authenticatedAt: new Date() },
    }),
  ]);
  await recordAudit({
    actor: { id: userId, email },
    action: "sign_in.second_factor",
    target: email,
    details: { address, method: proof.method },
  });
  return { ok: true, recoveryCodesLeft: proof.recoveryCodesLeft };
}
