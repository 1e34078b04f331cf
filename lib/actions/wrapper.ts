import "server-only";
import type { z } from "zod";
import { log } from "../log";

/**
 * The one way server actions are written: the caller is identified, the input
 * is parsed with zod, and the result is typed. Expected failures (bad input,
 * a state that forbids the action) come back as `{ ok: false, code, message }`
 * for the UI to show; anything else is a fault and throws.
 *
 * Until accounts exist every caller is the console's single operator; the
 * accounts work replaces `currentActor` with the session and adds the role
 * check here, in one place, for every action.
 */

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface Actor {
  id: string;
  label: string;
}

export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function currentActor(): Promise<Actor> {
  return { id: "console", label: "console" };
}

export function defineAction<S extends z.ZodType, T>(spec: {
  name: string;
  input: S;
  handler: (input: z.output<S>, ctx: { actor: Actor }) => Promise<T>;
}): (raw: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const actor = await currentActor();
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return { ok: false, code: "invalid_input", message: first ? `${first.path.join(".") || "input"}: ${first.message}` : "invalid input" };
    }
    try {
      return { ok: true, data: await spec.handler(parsed.data, { actor }) };
    } catch (err) {
      if (err instanceof ActionError) return { ok: false, code: err.code, message: err.message };
      log().error({ action: spec.name, err: (err as Error).message }, "server action failed");
      throw err;
    }
  };
}
