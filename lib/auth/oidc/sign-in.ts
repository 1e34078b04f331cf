import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../../audit/mutations";
import { prisma } from "../../db/client";
import { hashPassword } from "../password";
import { createSession } from "../sessions";
import type { Identity } from "./flow";
import { roleFromClaim, type OidcSettings } from "./settings";

export type OidcSignInResult =
  { ok: true; token: string; expiresAt: Date } | { ok: false; code: "no_role" | "disabled" };

/**
 * Signs in someone the provider vouched for: their account is created on the
 * first sign-in when the role mapping gives them a role (just-in-time), and
 * its role follows the mapping at every sign-in. No mapped group: refused.
 * The session is the same as a password sign-in's, and owes no second factor
 * and no own password: the provider is responsible for how its users prove
 * who they are (README, Single sign-on).
 */
export async function signInWithIdentity(
  s: OidcSettings,
  identity: Identity,
  address: string,
  userAgent?: string | null,
): Promise<OidcSignInResult> {
  const role = roleFromClaim(identity.claims[s.roleClaim], s.roleMap);
  const details = { address, issuer: s.issuer.href, subject: identity.subject };
  const existing = await prisma.user.findUnique({
    where: { email: identity.email },
    select: { id: true, role: true, disabledAt: true },
  });
  if (existing?.disabledAt) {
    await recordAudit({
      actor: { id: existing.id, email: identity.email },
      action: "sign_in.oidc_refused",
      target: identity.email,
      details: { ...details, reason: "disabled" },
    });
    return { ok: false, code: "disabled" };
  }
  if (!role) {
    const actor = existing ? { id: existing.id, email: identity.email } : null;
    await recordAudit({
      actor,
      action: "sign_in.oidc_refused",
      target: identity.email,
      details: { ...details, reason: "no_role" },
    });
    return { ok: false, code: "no_role" };
  }
  let id: bigint;
  if (!existing) {
    // A password nobody knows: the account signs in through the provider (an admin can still set one).
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    const created = await prisma.user.create({
      data: { email: identity.email, name: identity.name, role, passwordHash },
      select: { id: true },
    });
    id = created.id;
    await recordAudit({
      actor: { id, email: identity.email },
      action: "user.oidc_provisioned",
      target: identity.email,
      details: { ...details, role },
    });
  } else {
    id = existing.id;
    if (existing.role !== role) {
      await prisma.user.update({ where: { id }, data: { role, updatedAt: new Date() } });
      await recordAudit({
        actor: { id, email: identity.email },
        action: "user.oidc_role_changed",
        target: identity.email,
        details: { ...details, from: existing.role, to: role },
      });
    }
  }
  const session = await createSession(id, { address, userAgent, singleSignOn: true });
  await recordAudit({
    actor: { id, email: identity.email },
    action: "sign_in.oidc",
    target: identity.email,
    details: { ...details, role },
  });
  return { ok: true, ...session };
}
