"use server";

import type { z } from "zod";
import { defineAction } from "../actions/wrapper";
import type { SessionUser } from "../auth/sessions";
import { getEnv } from "../env";
import { removeLegalHold, setLegalHold, setLegalHoldsByFilter } from "./mutations";
import { removeHoldSchema, setHoldSchema, setHoldsByFilterSchema } from "./schema";

/** A supervisor's legal-hold action (`holds:write`): its mutation, given the acting user, audits it. */
function defineHoldAction<S extends z.ZodType, T>(
  name: string,
  input: S,
  mutation: (input: z.output<S>, user: SessionUser) => Promise<T>,
) {
  return defineAction({
    name,
    permission: "holds:write",
    input,
    handler: async (held, { user }) => mutation(held, user),
  });
}

/** A supervisor puts one record under a legal hold, with a reason; audited. */
export const setLegalHoldAction = defineHoldAction("legalHolds.set", setHoldSchema, setLegalHold);

/** A supervisor lifts a record's legal hold, with a reason; audited. */
export const removeLegalHoldAction = defineHoldAction("legalHolds.remove", removeHoldSchema, removeLegalHold);

/** A supervisor holds every record of a /calls filter (at most MAX_HOLDS_PER_FILTER); audited. */
export const setLegalHoldsByFilterAction = defineHoldAction(
  "legalHolds.setFilter",
  setHoldsByFilterSchema,
  (input, user) => setLegalHoldsByFilter(input, user, getEnv().DISPLAY_TIME_ZONE),
);
