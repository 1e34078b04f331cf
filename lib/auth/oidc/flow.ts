import "server-only";
import * as client from "openid-client";
import { z } from "zod";
import { safeLocalPath } from "../../http/safe-redirect";
import { isLoopbackHost, type OidcSettings } from "./settings";

/**
 * The relying party's side of the authorization code flow, all protocol work
 * done by openid-client: discovery, PKCE, state and nonce, the token request,
 * and the ID token's checks (issuer, audience, expiry, signature by the
 * provider's JWKS). What one sign-in must remember between its two legs
 * (state, nonce, PKCE verifier, where to go after) travels in a short-lived
 * HttpOnly cookie scoped to the callback's path.
 */

export const TRANSACTION_COOKIE = "lvr_oidc";
export const TRANSACTION_MAX_AGE_S = 600;

const transactionSchema = z.object({
  state: z.string().min(16),
  nonce: z.string().min(16),
  verifier: z.string().min(43),
  next: z.string(),
});
export type Transaction = z.infer<typeof transactionSchema>;

const configs = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration (discovery), fetched once per process; a failed discovery is tried again next time. */
function configuration(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer.href} ${s.clientId}`;
  let found = configs.get(key);
  if (!found) {
    const insecure = s.issuer.protocol === "http:" && isLoopbackHost(s.issuer.hostname);
    found = client.discovery(
      s.issuer,
      s.clientId,
      s.clientSecret,
      client.ClientSecretPost(s.clientSecret),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    found.catch(() => configs.delete(key));
    configs.set(key, found);
  }
  return found;
}

export function encodeTransaction(t: Transaction): string {
  return Buffer.from(JSON.stringify(t)).toString("base64url");
}

export function decodeTransaction(raw: string | undefined): Transaction | null {
  if (!raw) return null;
  try {
    const parsed = transactionSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Where to send the browser to sign in, and what to remember until it comes back. */
export async function startSignIn(s: OidcSettings, next: unknown): Promise<{ url: URL; transaction: Transaction }> {
  const config = await configuration(s);
  const verifier = client.randomPKCECodeVerifier();
  const transaction: Transaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    next: safeLocalPath(next),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: s.scopes,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: transaction.state,
    nonce: transaction.nonce,
  });
  return { url, transaction };
}

export type Identity = { subject: string; email: string; name: string; claims: Record<string, unknown> };

/**
 * Redeems the callback's code and returns who signed in, with the ID token's
 * claims and the userinfo's (providers put groups in one or the other). Throws
 * on anything the library refuses: wrong state, an ID token for another
 * audience or issuer, expired, badly signed, a nonce that does not match.
 */
export async function finishSignIn(s: OidcSettings, callbackUrl: URL, t: Transaction): Promise<Identity> {
  const config = await configuration(s);
  // The provider answers at the redirect URI as registered, whatever address the request reached us by.
  const current = new URL(s.redirectUri);
  current.search = callbackUrl.search;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: t.verifier,
    expectedState: t.state,
    expectedNonce: t.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error("no ID token");
  const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  const claims: Record<string, unknown> = { ...info, ...idClaims };
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email) throw new MissingEmail();
  if (claims.email_verified === false) throw new MissingEmail();
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : email;
  return { subject: idClaims.sub, email, name: name.slice(0, 200), claims };
}

/** The provider gave no (verified) email: the console knows its people by their email. */
export class MissingEmail extends Error {
  constructor() {
    super("the provider gave no verified email");
  }
}
