import { getEnv, rolesRequiring2fa } from "../env";
import { DEMO_EMAILS } from "./demo-accounts";
import type { Role } from "./permissions";

/**
 * What a signed-in person still owes before they may use the console, in this
 * order: the second factor (their password was right), a password of their
 * own (an admin created or reset the account), and enrolling a second factor
 * (their role requires one, REQUIRE_2FA_ROLES). Until then they can reach
 * only the page of that step.
 */
export type SessionStep = "second_factor" | "change_password" | "enrol_2fa";

export const STEP_PATHS: Record<SessionStep, string> = {
  second_factor: "/sign-in/verify",
  change_password: "/sign-in/new-password",
  enrol_2fa: "/sign-in/two-factor",
};

export function requires2fa(user: { email: string; role: Role }): boolean {
  // The demo's own accounts sign in straight to the console.
  if (getEnv().DEMO_MODE && DEMO_EMAILS.has(user.email)) return false;
  return rolesRequiring2fa().includes(user.role);
}

export function pendingStep(s: {
  email: string;
  role: Role;
  pendingSecondFactor: boolean;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
  singleSignOn?: boolean;
}): SessionStep | null {
  // Single sign-on: the provider is responsible for how its users prove who they are (README).
  if (s.singleSignOn) return null;
  if (s.pendingSecondFactor) return "second_factor";
  if (s.mustChangePassword) return "change_password";
  if (!s.totpEnabledAt && requires2fa(s)) return "enrol_2fa";
  return null;
}
