"use server";

import { ActionError, defineAction } from "../actions/wrapper";
import { orRefuse, refusing } from "../actions/refusals";
import { auditBy } from "../audit/mutations";
import { audited } from "../actions/audited";
import { getEnv } from "../env";
import { dryRunRule, getRule } from "./data";
import { createRule, deleteRule, RuleNameTaken, updateRule } from "./mutations";
import { dryRunInputSchema, ruleInputSchema, ruleRefSchema, ruleUpdateSchema } from "./schema";

/** The rules' server actions: the /rules pages and the REST API (lib/api/handlers/rules.ts) both call these. */

const notFound = () => new ActionError("not_found", "No such rule.");
const nameTaken = (name: string) => (err: unknown) =>
  err instanceof RuleNameTaken ? new ActionError("name_taken", `There is already a rule named “${name}”.`) : null;

export const createReportingRule = defineAction({
  name: "rules.create",
  permission: "rules:write",
  input: ruleInputSchema,
  handler: async (input, { user }) =>
    refusing(async () => {
      const rule = await createRule(input, user);
      await auditBy(user, "rule.create", `rule:${rule.id}`, { ...input });
      return { id: rule.id.toString() };
    }, nameTaken(input.name)),
});

export const updateReportingRule = defineAction({
  name: "rules.update",
  permission: "rules:write",
  input: ruleUpdateSchema,
  handler: async ({ ruleId, patch }, { user }) =>
    refusing(
      async () => {
        orRefuse(await updateRule(BigInt(ruleId), patch, user), notFound);
        await auditBy(user, "rule.update", `rule:${ruleId}`, { ...patch });
        return { id: ruleId };
      },
      nameTaken(patch.name ?? ""),
    ),
});

export const deleteReportingRule = defineAction({
  name: "rules.delete",
  permission: "rules:write",
  input: ruleRefSchema,
  handler: async ({ ruleId }, { user }) => {
    const { name } = orRefuse(await deleteRule(BigInt(ruleId)), notFound);
    return audited({ deleted: true }, user, "rule.delete", `rule:${ruleId}`, { name });
  },
});

/** What a rule (saved, or being written on the form) would send now, and why it holds the rest back. */
export const dryRunReportingRule = defineAction({
  name: "rules.dryRun",
  permission: "rules:read",
  input: dryRunInputSchema,
  handler: async (input) => {
    const ruleId = input.ruleId === undefined ? undefined : BigInt(input.ruleId);
    if (ruleId !== undefined && !(await getRule(ruleId))) throw notFound();
    return dryRunRule({ ...input, ruleId }, getEnv().DISPLAY_TIME_ZONE);
  },
});
