"use server";

import { defineAction } from "../actions/wrapper";
import { getEnv } from "../env";
import { removeLegalHold, setLegalHold, setLegalHoldsByFilter } from "./mutations";
import { removeHoldSchema, setHoldSchema, setHoldsByFilterSchema } from "./schema";

/** A supervisor puts one record under a legal hold, with a reason; audited. */
export const setLegalHoldAction = defineAction({
  name: "legalHolds.set",
  permission: "holds:write",
  input: setHoldSchema,
  handler: async (input, { user }) => setLegalHold(input, user),
});

/** A supervisor lifts a record's legal hold, with a reason; audited. */
export const removeLegalHoldAction = defineAction({
  name: "legalHolds.remove",
  permission: "holds:write",
  input: removeHoldSchema,
  handler: async (input, { user }) => removeLegalHold(input, user),
});

/** A supervisor holds every record of a /calls filter (at most MAX_HOLDS_PER_FILTER); audited. */
export const setLegalHoldsByFilterAction = defineAction({
  name: "legalHolds.setFilter",
  permission: "holds:write",
  input: setHoldsByFilterSchema,
  handler: async (input, { user }) => setLegalHoldsByFilter(input, user, getEnv().DISPLAY_TIME_ZONE),
});
