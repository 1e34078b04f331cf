import "server-only";
import type { z } from "zod";
import { currentSession } from "../auth/current";
import { can, canAs, type Permission } from "../auth/permissions";
import { REAUTH_MESSAGE, recentlyAuthenticated } from "../auth/recent-auth";
import type { SessionState, SessionUser } from "../auth/sessions";
import type { SessionStep } from "../auth/steps";
import { log } from "../log";
import { containsNul } from "../input/schema";
import { ActionError, type ActionErrorDetail } from "./action-error";

/**
 * The one way server actions are written: the caller's session and role are
 * checked on the server, the input is parsed with zod, and the result is
 * typed. Expected failures (no session, no permission, bad input, a state
 * that forbids the action) come back as `{ ok: false, code, message }` for
 * the UI to show; anything else is a fault and throws.
 */

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: string; message: string; detail?: ActionErrorDetail };

export { ActionError, type ActionErrorDetail };

export interface ActionSpec<S extends z.ZodType, T> {
  name: string;
  permission: Permission;
  input: S;
  /** A sign-in step whose session may already call this (the step's own actions). */
  allowStep?: SessionStep;
  /** Sensitive: the caller must have given their password or second factor within REAUTH_MINUTES. */
  recentAuth?: boolean;
  /** `session` is null when a personal access token's owner runs the action through the REST API. */
  handler: (input: z.output<S>, ctx: { user: SessionUser; session: SessionState | null }) => Promise<T>;
}

/** Every action defined, by name: for the authorization matrix and the tests that hold every input to a rule. */
export const ACTION_REGISTRY = new Map<string, { permission: Permission; input: z.ZodType }>();

/**
 * Runners of the defined actions by their exported function, for the REST API
 * (lib/api/), which acts as a token's owner: the same checks and handler as
 * the UI's call, with the principal given instead of read from the session.
 */
const RUNNERS = new WeakMap<
  (raw: never) => Promise<ActionResult<unknown>>,
  (principal: ActionPrincipal, raw: unknown) => Promise<ActionResult<unknown>>
>();

/**
 * Who runs an action: a signed-in user with their session, or a personal
 * access token's owner (no session; `readOnly` narrows it). A token is its own
 * proof of identity on every request, so actions that ask a session for a
 * recent sign-in (`recentAuth`) do not ask it of a token.
 */
export interface ActionPrincipal {
  user: SessionUser;
  session: SessionState | null;
  readOnly?: boolean;
}

/** Runs a defined server action as `principal` (never the browser's session). */
export async function runActionAs<I, T>(
  action: (raw: I) => Promise<ActionResult<T>>,
  principal: ActionPrincipal,
  raw: I,
): Promise<ActionResult<T>> {
  const runner = RUNNERS.get(action as (raw: never) => Promise<ActionResult<unknown>>);
  if (!runner) throw new Error("not an action made with defineAction");
  return runner(principal, raw) as Promise<ActionResult<T>>;
}

export function defineAction<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
): (raw: z.input<S>) => Promise<ActionResult<T>> {
  ACTION_REGISTRY.set(spec.name, { permission: spec.permission, input: spec.input });
  const action = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const session = await currentSession();
    if (!session || (session.step !== null && session.step !== spec.allowStep)) {
      return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
    }
    return run({ user: session.user, session }, raw);
  };
  const run = async (principal: ActionPrincipal, raw: unknown): Promise<ActionResult<T>> => {
    const { user, session } = principal;
    if (!canAs({ role: user.role, readOnly: principal.readOnly }, spec.permission)) {
      log().warn({ action: spec.name, userId: user.id.toString(), role: user.role }, "action refused");
      const why =
        principal.readOnly && can(user.role, spec.permission)
          ? "This token is read-only."
          : `Your role (${user.role}) may not do this.`;
      return { ok: false, code: "forbidden", message: why };
    }
    // PostgreSQL's text cannot hold NUL: refused here for every action, rather than failing in the database.
    if (containsNul(raw)) return { ok: false, code: "invalid_input", message: "input: must not contain NUL bytes" };
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return {
        ok: false,
        code: "invalid_input",
        message: first ? `${first.path.join(".") || "input"}: ${first.message}` : "invalid input",
      };
    }
    if (spec.recentAuth && session && !recentlyAuthenticated(session))
      return { ok: false, code: "reauth_required", message: REAUTH_MESSAGE };
    try {
      return { ok: true, data: await spec.handler(parsed.data, { user, session }) };
    } catch (err) {
      if (err instanceof ActionError)
        return { ok: false, code: err.code, message: err.message, ...(err.detail ? { detail: err.detail } : {}) };
      log().error({ action: spec.name, err: (err as Error).message }, "server action failed");
      throw err;
    }
  };
  RUNNERS.set(action as (raw: never) => Promise<ActionResult<unknown>>, run);
  return action;
}
