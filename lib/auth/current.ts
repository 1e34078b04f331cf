import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { currentClientAddress, UNKNOWN_ADDRESS } from "../http/request-address";
import { can, type Permission } from "./permissions";
import { SESSION_COOKIE, userForToken, type SessionUser } from "./sessions";

/**
 * The signed-in user of the current request, or null. Looked up once per
 * request: the header and the page ask for it while they render side by side.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => userForToken((await cookies()).get(SESSION_COOKIE)?.value));

/**
 * For pages: the signed-in user with `permission`. Without a session it
 * redirects to sign-in (and back afterwards); without the permission to
 * the forbidden page with HTTP 403 (app/forbidden.tsx). This is the
 * enforcement; hiding links is only courtesy.
 */
export async function requireUser(permission: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get("x-lvr-path") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** The current request's client address, for rate limits and the audit trail (lib/http/request-address.ts). */
export async function clientAddress(): Promise<string> {
  return (await currentClientAddress()) ?? UNKNOWN_ADDRESS;
}
