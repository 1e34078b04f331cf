import "server-only";
import { ActionError } from "../actions/wrapper";
import { recordAudit } from "../audit/mutations";
import { countedProof } from "../auth/lockout";
import { newPasswordColumns, verifyPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import type { SessionUser } from "../auth/sessions";
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpProvisioning } from "../auth/totp";
import { prisma } from "../db/client";

export interface RequestContext {
  sessionId: bigint;
  address: string;
}

/**
 * Sets the caller's own password: checks the current one when asked to (the
 * account page; the first-sign-in step has just checked it), applies the
 * strength rules, and ends every other session of the account.
 */
export async function changeOwnPassword(
  user: SessionUser,
  input: { current?: string; next: string },
  ctx: RequestContext,
): Promise<{ sessionsEnded: number }> {
  const account = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true, name: true },
  });
  const { current } = input;
  if (current !== undefined) {
    // Counted like a sign-in: the form must not become a way around the lockout.
    const checked = await countedProof(user.id, () => verifyPassword(account.passwordHash, current));
    if (checked === "locked") throw lockedError();
    if (checked === "wrong") {
      await auditOwn(user, "password.change_failed", ctx, { reason: "wrong_current" });
      throw new ActionError("wrong_password", "The current password is wrong.");
    }
  }
  const problem = passwordProblem(input.next, { email: user.email, name: account.name });
  if (problem) throw new ActionError(`password_${problem}`, `The new password is not acceptable (${problem}).`);
  if (await verifyPassword(account.passwordHash, input.next))
    throw new ActionError("password_same", "The new password must differ from the current one.");
  const data = await newPasswordColumns(input.next);
  const [, ended] = await prisma.$transaction([
    prisma.user.update({ where: { id: user.id }, data }),
    prisma.session.deleteMany({ where: { userId: user.id, id: { not: ctx.sessionId } } }),
    prisma.session.update({ where: { id: ctx.sessionId }, data: { authenticatedAt: new Date() } }),
  ]);
  await auditOwn(user, "password.change", ctx, { sessionsEnded: ended.count });
  return { sessionsEnded: ended.count };
}

/** Starts (or restarts) TOTP enrolment: a new secret, kept unconfirmed until a code from it is given. */
export async function startTotpEnrolment(
  user: SessionUser,
): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  const secret = newTotpSecret();
  const updated = await prisma.user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpSecret: secret, totpLastStep: null },
  });
  if (updated.count !== 1) throw new ActionError("two_factor_on", "Two-factor sign-in is already on for this account.");
  return { secret, ...(await totpProvisioning(secret, user.email)) };
}

/** Confirms enrolment with a code from the new secret; returns the recovery codes (shown once, stored hashed). */
export async function confirmTotpEnrolment(
  user: SessionUser,
  code: string,
  ctx: RequestContext,
): Promise<{ recoveryCodes: string[] }> {
  const account = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (account.totpEnabledAt)
    throw new ActionError("two_factor_on", "Two-factor sign-in is already on for this account.");
  if (!account.totpSecret) throw new ActionError("enrolment_not_started", "Start the enrolment first.");
  const step = await checkTotp(account.totpSecret, code, null);
  if (step === null)
    throw new ActionError("wrong_code", "The code is wrong or has expired: enter the code your app shows now.");
  const recoveryCodes = newRecoveryCodes();
  await prisma.$transaction([
    prisma.user.update({
      where: { id: user.id },
      data: { totpEnabledAt: new Date(), totpLastStep: BigInt(step), updatedAt: new Date() },
    }),
    ...replaceRecoveryCodes(user.id, recoveryCodes),
    prisma.session.update({ where: { id: ctx.sessionId }, data: { authenticatedAt: new Date() } }),
  ]);
  await auditOwn(user, "two_factor.enable", ctx);
  return { recoveryCodes };
}

/** New recovery codes in place of the old ones (used or not). */
export async function regenerateRecoveryCodes(
  user: SessionUser,
  ctx: RequestContext,
): Promise<{ recoveryCodes: string[] }> {
  const account = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (!account.totpEnabledAt) throw new ActionError("two_factor_off", "Two-factor sign-in is not on for this account.");
  const recoveryCodes = newRecoveryCodes();
  await prisma.$transaction([...replaceRecoveryCodes(user.id, recoveryCodes)]);
  await auditOwn(user, "two_factor.recovery_codes", ctx);
  return { recoveryCodes };
}

/** Ends one of the caller's other sessions, or all of them ("others"). */
export async function endOwnSessions(
  user: SessionUser,
  which: { sessionId: bigint } | "others",
  ctx: RequestContext,
): Promise<{ ended: number }> {
  const where =
    which === "others" ? { userId: user.id, id: { not: ctx.sessionId } } : { userId: user.id, id: which.sessionId };
  const { count } = await prisma.session.deleteMany({ where });
  await auditOwn(user, "session.end", ctx, {
    which: which === "others" ? "others" : which.sessionId.toString(),
    ended: count,
  });
  return { ended: count };
}

/** Proves it is still the caller (recent authentication for sensitive actions): the password, or a second-factor code when enrolled. */
export async function reauthenticate(
  user: SessionUser,
  secret: string,
  ctx: RequestContext,
  prove: (userId: bigint, code: string) => Promise<{ ok: boolean }>,
): Promise<void> {
  const account = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true, totpEnabledAt: true },
  });
  // Counted before the secret is checked, like a sign-in (lib/auth/lockout.ts): a borrowed
  // session cannot guess the password here either, not even with many requests at once.
  const checked = await countedProof(
    user.id,
    async () =>
      (await verifyPassword(account.passwordHash, secret)) ||
      (account.totpEnabledAt !== null && (await prove(user.id, secret)).ok),
  );
  if (checked === "locked") throw lockedError();
  await auditOwn(user, checked === "ok" ? "reauth.succeeded" : "reauth.failed", ctx);
  if (checked === "wrong") throw new ActionError("wrong_password", "That is not your password or a valid code.");
  await prisma.session.update({ where: { id: ctx.sessionId }, data: { authenticatedAt: new Date() } });
}

function lockedError() {
  return new ActionError("locked", "This account is locked after too many failed attempts. Try again later.");
}

/** An entry on the account's own audit trail, with the address it was done from. */
function auditOwn(user: SessionUser, action: string, ctx: RequestContext, details: Record<string, unknown> = {}) {
  return recordAudit({ actor: user, action, target: user.email, details: { address: ctx.address, ...details } });
}

/** The account's recovery codes replaced by `codes` (stored hashed): the writes of a transaction. */
function replaceRecoveryCodes(userId: bigint, codes: string[]) {
  return [
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) }),
  ] as const;
}
