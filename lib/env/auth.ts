import { z } from "zod";
import { ROLES, type Role } from "../auth/permissions";
import { commaList } from "../input/comma-list";

/** Signing in: sessions, lockout, second factor, single sign-on. */
export const authSection = z.object({
  /** How long a sign-in lasts. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** A session unused for this long ends (0: only the absolute SESSION_TTL_HOURS applies). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60 * 30)
    .default(60),
  /** Sensitive actions ask for the password or second factor again when the last proof is older than this. */
  REAUTH_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /**
   * Roles that must use a second factor (TOTP), comma-separated; empty: nobody
   * must. Unset: supervisor,admin, except in the demo (npm start's seeded data), where nobody must.
   */
  REQUIRE_2FA_ROLES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const roles = commaList(value);
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length === 0) return roles as Role[];
      ctx.addIssue({ code: "custom", message: `not a role: ${unknown.join(", ")} (roles: ${ROLES.join(", ")})` });
      return z.NEVER;
    }),
  /** How long an admin's set-password link works. */
  PASSWORD_RESET_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 14)
    .default(24),
  /** Consecutive failed sign-ins that lock an account, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** off: only BREAK_GLASS_EMAIL may sign in with a password; everyone else uses single sign-on. */
  PASSWORD_SIGN_IN: z.enum(["on", "off"]).default("on"),
  /** The one account that still signs in with a password when PASSWORD_SIGN_IN=off (when the provider is down). */
  BREAK_GLASS_EMAIL: z.string().trim().toLowerCase().email().optional(),
  /** Single sign-on (lib/auth/oidc): the provider's issuer URL; unset: no "Sign in with" button. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Sign in with <name>"). */
  OIDC_NAME: z.string().min(1).max(60).default("SSO"),
  OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  /** The claim (ID token or userinfo) that lists the user's groups. */
  OIDC_ROLE_CLAIM: z.string().min(1).default("groups"),
  /** group:role pairs, comma-separated; a user in several mapped groups gets the highest role. */
  OIDC_ROLE_MAP: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const map = new Map<string, Role>();
      for (const pair of commaList(value)) {
        const at = pair.lastIndexOf(":");
        const group = pair.slice(0, at).trim();
        const role = pair.slice(at + 1).trim();
        if (at <= 0 || !(ROLES as readonly string[]).includes(role)) {
          ctx.addIssue({ code: "custom", message: `not group:role: "${pair}" (roles: ${ROLES.join(", ")})` });
          return z.NEVER;
        }
        map.set(group, role as Role);
      }
      return map;
    }),
});
