import { defineOperation } from "./operation";
import {
  createRuleBody,
  patchRuleBody,
  ruleDeletedSchema,
  ruleDryRunSchema,
  ruleListSchema,
  ruleParams,
  ruleSchema,
} from "./schemas/rules";

/** The reporting rules (automatic submission): docs/rules.md. */

const TAG = "Reporting rules";

export const listRulesOp = defineOperation({
  operationId: "listReportingRules",
  method: "get",
  path: "/reporting-rules",
  tag: TAG,
  permission: "rules:read",
  summary: "Every reporting rule, with what it did today",
  responses: { 200: { description: "The rules", schema: ruleListSchema } },
});

export const createRuleOp = defineOperation({
  operationId: "createReportingRule",
  method: "post",
  path: "/reporting-rules",
  tag: TAG,
  permission: "rules:write",
  summary: "Create a rule",
  description:
    "A saved /calls filter that the worker sends to TOP on its own: each matching record once its last change is `settle_seconds` old, never one TOP accepted, at most `daily_cap` a day. Dry-run it before enabling it.",
  body: createRuleBody,
  responses: { 201: { description: "The rule", schema: ruleSchema } },
});

export const getRuleOp = defineOperation({
  operationId: "getReportingRule",
  method: "get",
  path: "/reporting-rules/{id}",
  tag: TAG,
  permission: "rules:read",
  summary: "One rule",
  params: ruleParams,
  responses: { 200: { description: "The rule", schema: ruleSchema } },
});

export const patchRuleOp = defineOperation({
  operationId: "updateReportingRule",
  method: "patch",
  path: "/reporting-rules/{id}",
  tag: TAG,
  permission: "rules:write",
  summary: "Change, enable or disable a rule",
  description: "A new filter starts the rule's walk over the records again (what TOP accepted is still never resent).",
  params: ruleParams,
  body: patchRuleBody,
  responses: { 200: { description: "The rule", schema: ruleSchema } },
});

export const dryRunRuleOp = defineOperation({
  operationId: "dryRunReportingRule",
  method: "post",
  path: "/reporting-rules/{id}/dry-run",
  tag: TAG,
  permission: "rules:read",
  summary: "What the rule would send now, and why it holds the rest back",
  params: ruleParams,
  responses: { 200: { description: "The dry run", schema: ruleDryRunSchema } },
});

export const deleteRuleOp = defineOperation({
  operationId: "deleteReportingRule",
  method: "delete",
  path: "/reporting-rules/{id}",
  tag: TAG,
  permission: "rules:write",
  summary: "Delete a rule (its batches stay on /submissions)",
  params: ruleParams,
  responses: { 200: { description: "Deleted", schema: ruleDeletedSchema } },
});
