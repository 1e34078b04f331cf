import "server-only";
import type { z } from "zod";
import { currentSession } from "../auth/current";
import { can, type Permission } from "../auth/permissions";
import { REAUTH_MESSAGE, recentlyAuthenticated } from "../auth/recent-auth";
import type { SessionState, SessionUser } from "../auth/sessions";
import type { SessionStep } from "../auth/steps";
import { log } from "../log";
import { containsNul } from "../input/schema";

/**
 * The one way server actions are written: the caller's session and role are
 * checked on the server, the input is parsed with zod, and the result is
 * typed. Expected failures (no session, no permission, bad input, a state
 * that forbids the action) come back as `{ ok: false, code, message }` for
 * the UI to show; anything else is a fault and throws.
 */

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ActionSpec<S extends z.ZodType, T> {
  name: string;
  permission: Permission;
  input: S;
  /** A sign-in step whose session may already call this (the step's own actions). */
  allowStep?: SessionStep;
  /** Sensitive: the caller must have given their password or second factor within REAUTH_MINUTES. */
  recentAuth?: boolean;
  handler: (input: z.output<S>, ctx: { user: SessionUser; session: SessionState }) => Promise<T>;
}

/** Every action defined, for the authorization matrix test. */
export const ACTION_REGISTRY = new Map<string, Permission>();

export function defineAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>): (raw: z.input<S>) => Promise<ActionResult<T>> {
  ACTION_REGISTRY.set(spec.name, spec.permission);
  return async (raw) => {
    const session = await currentSession();
    if (!session || (session.step !== null && session.step !== spec.allowStep)) {
      return { ok: false, code: "unauthenticated", message: "Your session has ended. Sign in again." };
    }
    const user = session.user;
    if (!can(user.role, spec.permission)) {
      log().warn({ action: spec.name, userId: user.id.toString(), role: user.role }, "action refused");
      return { ok: false, code: "forbidden", message: `Your role (${user.role}) may not do this.` };
    }
    // PostgreSQL's text cannot hold NUL: refused here for every action, rather than failing in the database.
    if (containsNul(raw)) return { ok: false, code: "invalid_input", message: "input: must not contain NUL bytes" };
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return { ok: false, code: "invalid_input", message: first ? `${first.path.join(".") || "input"}: ${first.message}` : "invalid input" };
    }
    if (spec.recentAuth && !recentlyAuthenticated(session)) return { ok: false, code: "reauth_required", message: REAUTH_MESSAGE };
    try {
      return { ok: true, data: await spec.handler(parsed.data, { user, session }) };
    } catch (err) {
      if (err instanceof ActionError) return { ok: false, code: err.code, message: err.message };
      log().error({ action: spec.name, err: (err as Error).message }, "server action failed");
      throw err;
    }
  };
}
