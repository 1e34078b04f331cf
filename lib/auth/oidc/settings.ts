import { getEnv, type Env } from "../../env";
import { ROLES, type Role } from "../permissions";

/** Single sign-on as configured (OIDC_* settings), or null when it is not. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: string;
  roleClaim: string;
  roleMap: ReadonlyMap<string, Role>;
  redirectUri: string;
}

export const CALLBACK_PATH = "/api/auth/oidc/callback";
export const START_PATH = "/api/auth/oidc/start";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Reads the OIDC_* settings. Half a configuration is an error, not a silent
 * "no single sign-on": so is an issuer over plain http anywhere but on a
 * loopback address (local trials and tests), where tokens would travel in clear.
 */
export function oidcSettings(env: Env = getEnv()): OidcSettings | null {
  if (!env.OIDC_ISSUER) return null;
  const issuer = new URL(env.OIDC_ISSUER);
  if (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)
    throw new Error("OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set too");
  if (!env.PUBLIC_URL)
    throw new Error(
      "OIDC_ISSUER is set: PUBLIC_URL must be set too (the redirect URI is <PUBLIC_URL>/api/auth/oidc/callback)",
    );
  if (issuer.protocol !== "https:" && !(issuer.protocol === "http:" && isLoopbackHost(issuer.hostname))) {
    throw new Error("OIDC_ISSUER must use https (plain http only on a loopback address)");
  }
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME,
    scopes: env.OIDC_SCOPES,
    roleClaim: env.OIDC_ROLE_CLAIM,
    roleMap: env.OIDC_ROLE_MAP,
    redirectUri: new URL(CALLBACK_PATH, env.PUBLIC_URL).toString(),
  };
}

/** The highest role any of the user's groups maps to, or null (refused). A claim may be a list or one string. */
export function roleFromClaim(value: unknown, roleMap: ReadonlyMap<string, Role>): Role | null {
  const groups = Array.isArray(value)
    ? value.filter((g): g is string => typeof g === "string")
    : typeof value === "string"
      ? [value]
      : [];
  let best: Role | null = null;
  for (const group of groups) {
    const role = roleMap.get(group);
    if (role && (best === null || ROLES.indexOf(role) > ROLES.indexOf(best))) best = role;
  }
  return best;
}
