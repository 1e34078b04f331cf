import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { currentClientAddress, UNKNOWN_ADDRESS } from "../http/request-address";
import { can, type Permission } from "./permissions";
import { SESSION_COOKIE, sessionForToken, type SessionState, type SessionUser } from "./sessions";
import { nextPath } from "./next-path";
import { STEP_PATHS, type SessionStep } from "./steps";

/**
 * The current request's session, whatever step it is at, or null. Looked up
 * once per request: the header and the page ask for it while they render side by side.
 */
export const currentSession = cache(async (): Promise<SessionState | null> =>
  sessionForToken((await cookies()).get(SESSION_COOKIE)?.value),
);

/** The signed-in user of the current request, or null (also while a sign-in step is owed). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await currentSession();
  return session && session.step === null ? session.user : null;
});

/**
 * For pages: the signed-in user with `permission`. Without a session it
 * redirects to sign-in (and back afterwards); with a sign-in step owed, to
 * that step's page; without the permission to the forbidden page with HTTP
 * 403 (app/forbidden.tsx). This is the
 * enforcement; hiding links is only courtesy.
 */
export async function requireUser(permission: Permission): Promise<SessionUser> {
  const session = await currentSession();
  if (!session || session.step) {
    const path = (await headers()).get("x-lvr-path") ?? "/";
    redirect(`${session?.step ? STEP_PATHS[session.step] : "/sign-in"}?next=${encodeURIComponent(path)}`);
  }
  if (!can(session.user.role, permission)) forbidden();
  return session.user;
}

/** For a sign-in step's page: the session owing `step` and where it goes after (`?next=`); anyone else goes where they belong. */
export async function requireStepPage(
  step: SessionStep,
  searchParams: Promise<{ next?: string | string[] }>,
): Promise<{ session: SessionState; next: string }> {
  const next = nextPath((await searchParams).next);
  return { session: await requireStep(step, next), next };
}

/** For a sign-in step's page: the session owing `step`; anyone else goes where they belong. */
async function requireStep(step: SessionStep, next: string): Promise<SessionState> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  if (session.step !== step)
    redirect(session.step ? `${STEP_PATHS[session.step]}?next=${encodeURIComponent(next)}` : next);
  return session;
}

/** The current request's client address, for rate limits and the audit trail (lib/http/request-address.ts). */
export async function clientAddress(): Promise<string> {
  return (await currentClientAddress()) ?? UNKNOWN_ADDRESS;
}
