import { ok, operationsTagged } from "./operation";
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

const ruleOperation = operationsTagged("Reporting rules");

export const listRulesOp = ruleOperation("listReportingRules", "GET /reporting-rules", {
  permission: "rules:read",
  summary: "Every reporting rule, with what it did today",
  responses: ok("The rules", ruleListSchema),
});

export const createRuleOp = ruleOperation("createReportingRule", "POST /reporting-rules", {
  permission: "rules:write",
  summary: "Create a rule",
  description:
    "A saved /calls filter that the worker sends to TOP on its own: each matching record once its last change is `settle_seconds` old, never one TOP accepted, at most `daily_cap` a day. Dry-run it before enabling it.",
  body: createRuleBody,
  responses: ok("The rule", ruleSchema, 201),
});

export const getRuleOp = ruleOperation("getReportingRule", "GET /reporting-rules/{id}", {
  permission: "rules:read",
  summary: "One rule",
  params: ruleParams,
  responses: ok("The rule", ruleSchema),
});

export const patchRuleOp = ruleOperation("updateReportingRule", "PATCH /reporting-rules/{id}", {
  permission: "rules:write",
  summary: "Change, enable or disable a rule",
  description: "A new filter starts the rule's walk over the records again (what TOP accepted is still never resent).",
  params: ruleParams,
  body: patchRuleBody,
  responses: ok("The rule", ruleSchema),
});

export const dryRunRuleOp = ruleOperation("dryRunReportingRule", "POST /reporting-rules/{id}/dry-run", {
  permission: "rules:read",
  summary: "What the rule would send now, and why it holds the rest back",
  params: ruleParams,
  responses: ok("The dry run", ruleDryRunSchema),
});

export const deleteRuleOp = ruleOperation("deleteReportingRule", "DELETE /reporting-rules/{id}", {
  permission: "rules:write",
  summary: "Delete a rule (its batches stay on /submissions)",
  params: ruleParams,
  responses: ok("Deleted", ruleDeletedSchema),
});
