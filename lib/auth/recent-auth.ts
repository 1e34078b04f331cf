import "server-only";
import { ActionError } from "../actions/action-error";
import { getEnv } from "../env";
import type { SessionState } from "./sessions";

/**
 * Whether the session's owner gave their password or second factor within
 * REAUTH_MINUTES: sensitive actions (revealing a number, an unmasked export,
 * resending accepted records, changing roles, resets) ask again when not.
 */
export function recentlyAuthenticated(session: Pick<SessionState, "authenticatedAt">, now = Date.now()): boolean {
  return session.authenticatedAt.getTime() + getEnv().REAUTH_MINUTES * 60_000 >= now;
}

export const REAUTH_MESSAGE = "Confirm it is you: enter your password (or a code) again.";

/**
 * For actions that are sensitive only for some inputs (resending accepted
 * records). No session: a personal access token, its own proof on every request.
 */
export function assertRecentAuth(session: Pick<SessionState, "authenticatedAt"> | null): void {
  if (session && !recentlyAuthenticated(session)) throw new ActionError("reauth_required", REAUTH_MESSAGE);
}
