import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ACTION_REGISTRY } from "./wrapper";
// Imports every action module, so that every action is defined (and registered) here.
import { ACTIONS } from "../../dev/testing/authorization/actions";

/**
 * An id in an action's input is checked for what it is, an id of a bigint
 * column, before the action runs: a string of digits past int64 passed a
 * shape-only check (/^\d{1,19}$/) and then failed in the database, a fault
 * instead of an `invalid_input` answer. Every action's top-level `…Id` and
 * `ids` fields are held to it.
 */
const PAST_INT64 = "9223372036854775808";

function idFields([name, { input }]: [string, { input: z.ZodType }]): [string, string, z.ZodType][] {
  if (!(input instanceof z.ZodObject)) return [];
  return Object.entries(input.shape as Record<string, z.ZodType>)
    .filter(([key]) => /Id$|^ids$/.test(key))
    .map(([key, schema]) => [name, key, schema]);
}

const fields = [...ACTION_REGISTRY].flatMap(idFields);

describe("ids in action inputs", () => {
  it("finds the actions' id inputs", () => {
    expect(ACTION_REGISTRY.size).toBe(ACTIONS.length);
    expect(fields.map(([name, key]) => `${name}.${key}`)).toContain("tokens.revokeIngest.tokenId");
  });

  it.each(fields)("%s: %s takes an id and refuses one past int64", (_name, key, schema) => {
    const one = (v: string) => (key === "ids" ? [v] : v);
    expect(schema.safeParse(one("1")).success).toBe(true);
    expect(schema.safeParse(one(PAST_INT64)).success).toBe(false);
  });
});
