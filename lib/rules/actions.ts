"use server";

import { z } from "zod";
import { ActionError, defineAction } from "../actions/wrapper";
import { auditBy } from "../audit/mutations";
import { getEnv } from "../env";
import { dryRunRule, getRule } from "./data";
import { createRule, deleteRule, RuleNameTaken, updateRule } from "./mutations";
import { dryRunInputSchema, ruleIdSchema, ruleInputSchema, rulePatchSchema } from "./schema";

/** The rules' server actions: the /rules pages and the REST API (lib/api/handlers/rules.ts) both call these. */

const nameTaken = (name: string) => new ActionError("name_taken", `There is already a rule named “${name}”.`);

export const createReportingRule = defineAction({
  name: "rules.create",
  permission: "rules:write",
  input: ruleInputSchema,
  handler: async (input, { user }) => {
    try {
      const rule = await createRule(input, user);
      await auditBy(user, "rule.create", `rule:${rule.id}`, { ...input });
      return { id: rule.id.toString() };
    } catch (err) {
      if (err instanceof RuleNameTaken) throw nameTaken(input.name);
      throw err;
    }
  },
});

export const updateReportingRule = defineAction({
  name: "rules.update",
  permission: "rules:write",
  input: z.object({ ruleId: ruleIdSchema, patch: rulePatchSchema }),
  handler: async ({ ruleId, patch }, { user }) => {
    try {
      const changed = await updateRule(BigInt(ruleId), patch, user);
      if (!changed) throw new ActionError("not_found", "No such rule.");
      await auditBy(user, "rule.update", `rule:${ruleId}`, { ...patch });
      return { id: ruleId };
    } catch (err) {
      if (err instanceof RuleNameTaken) throw nameTaken(patch.name ?? "");
      throw err;
    }
  },
});

export const deleteReportingRule = defineAction({
  name: "rules.delete",
  permission: "rules:write",
  input: z.object({ ruleId: ruleIdSchema }),
  handler: async ({ ruleId }, { user }) => {
    const deleted = await deleteRule(BigInt(ruleId));
    if (!deleted) throw new ActionError("not_found", "No such rule.");
    await auditBy(user, "rule.delete", `rule:${ruleId}`, { name: deleted.name });
    return { deleted: true };
  },
});

/** What a rule (saved, or being written on the form) would send now, and why it holds the rest back. */
export const dryRunReportingRule = defineAction({
  name: "rules.dryRun",
  permission: "rules:read",
  input: dryRunInputSchema,
  handler: async (input) => {
    const ruleId = input.ruleId === undefined ? undefined : BigInt(input.ruleId);
    if (ruleId !== undefined && !(await getRule(ruleId))) throw new ActionError("not_found", "No such rule.");
    return dryRunRule({ ...input, ruleId }, getEnv().DISPLAY_TIME_ZONE);
  },
});
