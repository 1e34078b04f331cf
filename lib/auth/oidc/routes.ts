import "server-only";
import { recordAudit } from "../../audit/mutations";
import { getEnv } from "../../env";
import { requestClientAddress } from "../../http/request-address";
import { log } from "../../log";
import { safeDecodeURIComponent } from "../../input/schema";
import { SESSION_COOKIE, sessionCookieOptions } from "../sessions";
import {
  decodeTransaction,
  encodeTransaction,
  finishSignIn,
  MissingEmail,
  startSignIn,
  TRANSACTION_COOKIE,
  TRANSACTION_MAX_AGE_S,
} from "./flow";
import { signInWithIdentity } from "./sign-in";
import { CALLBACK_PATH, oidcSettings } from "./settings";

/** Why a single sign-on did not sign in, as the sign-in page says it (`/sign-in?sso=<code>`). */
export type OidcRefusal = "not_configured" | "unavailable" | "failed" | "no_role" | "disabled" | "no_email";

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return safeDecodeURIComponent(value.join("=")) ?? undefined;
  }
  return undefined;
}

function transactionCookie(value: string, maxAge: number): string {
  const secure = getEnv().PUBLIC_URL?.startsWith("https://") ? "; Secure" : "";
  return `${TRANSACTION_COOKIE}=${value}; Path=${CALLBACK_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(null, { status: 303, headers });
}

const refused = (code: OidcRefusal) => redirect(`/sign-in?sso=${code}`, [transactionCookie("", 0)]);

export async function startOidc(request: Request): Promise<Response> {
  const settings = oidcSettings();
  if (!settings) return refused("not_configured");
  try {
    const { url, transaction } = await startSignIn(settings, new URL(request.url).searchParams.get("next"));
    return redirect(url.href, [transactionCookie(encodeTransaction(transaction), TRANSACTION_MAX_AGE_S)]);
  } catch (error) {
    log().warn({ err: error instanceof Error ? error.message : String(error) }, "OIDC provider unavailable");
    return refused("unavailable");
  }
}

/** The library's message and that of its cause (openid-client wraps the check that failed, e.g. the ID token's "aud"). */
function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

export async function finishOidc(request: Request): Promise<Response> {
  const settings = oidcSettings();
  if (!settings) return refused("not_configured");
  const address = requestClientAddress(request.headers);
  const transaction = decodeTransaction(cookieValue(request, TRANSACTION_COOKIE));
  const url = new URL(request.url);
  let identity;
  try {
    if (!transaction) throw new Error("no sign-in in progress (the cookie is missing or expired)");
    identity = await finishSignIn(settings, url, transaction);
  } catch (error) {
    const reason = failureReason(error);
    await recordAudit({
      actor: null,
      action: "sign_in.oidc_failed",
      details: { address, issuer: settings.issuer.href, reason: reason.slice(0, 300) },
    });
    return refused(error instanceof MissingEmail ? "no_email" : "failed");
  }
  const result = await signInWithIdentity(settings, identity, address, request.headers.get("user-agent"));
  if (!result.ok) return refused(result.code);
  const opts = sessionCookieOptions(result.expiresAt);
  const session = `${SESSION_COOKIE}=${result.token}; Path=/; Expires=${result.expiresAt.toUTCString()}; HttpOnly; SameSite=Lax${opts.secure ? "; Secure" : ""}`;
  return redirect(transaction.next, [session, transactionCookie("", 0)]);
}
