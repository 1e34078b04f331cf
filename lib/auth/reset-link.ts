import "server-only";
import { recordAudit } from "../audit/mutations";
import { prisma } from "../db/client";
import { newPasswordColumns } from "./password";
import { passwordProblem, type PasswordProblem } from "./password-policy";
import { hashToken } from "./sessions";

/** The account a set-password link is for, while the link is unused and unexpired. */
export async function resetLinkAccount(token: string): Promise<{ id: bigint; email: string; name: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const user = await prisma.user.findUnique({
    where: { resetTokenHash: hashToken(token) },
    select: { id: true, email: true, name: true, resetExpiresAt: true, disabledAt: true },
  });
  if (!user || user.disabledAt || !user.resetExpiresAt || user.resetExpiresAt <= new Date()) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export type ResetLinkResult =
  | { ok: true; email: string }
  | { ok: false; code: "link_invalid" }
  | { ok: false; code: `password_${PasswordProblem}` };

/**
 * Uses a set-password link once: the new password is set, the link forgotten.
 * The write is conditional on the link's hash, so a link raced twice works once.
 */
export async function setPasswordWithLink(token: string, password: string, address: string): Promise<ResetLinkResult> {
  const account = await resetLinkAccount(token);
  if (!account) {
    await recordAudit({ actor: null, action: "password.reset_link_refused", details: { address } });
    return { ok: false, code: "link_invalid" };
  }
  const problem = passwordProblem(password, account);
  if (problem) return { ok: false, code: `password_${problem}` };
  const { count } = await prisma.user.updateMany({
    where: { id: account.id, resetTokenHash: hashToken(token), resetExpiresAt: { gt: new Date() } },
    data: {
      ...(await newPasswordColumns(password)),
      // A reset link also lifts a lockout: the owner of the mailbox proved who they are.
      failedLogins: 0,
      lockedUntil: null,
      failedLoginAt: null,
    },
  });
  if (count !== 1) return { ok: false, code: "link_invalid" };
  await prisma.session.deleteMany({ where: { userId: account.id } });
  await recordAudit({
    actor: { id: account.id, email: account.email },
    action: "password.reset_link_used",
    target: account.email,
    details: { address },
  });
  return { ok: true, email: account.email };
}
