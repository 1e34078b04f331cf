"use server";

import { ActionError, defineAction } from "../actions/wrapper";
import { orRefuse } from "../actions/refusals";
import { auditBy } from "../audit/mutations";
import { audited } from "../actions/audited";
import { queuePhraseRecheck } from "../compliance/recheck";
import { createPhraseRule, deletePhraseRule, setPhraseRuleEnabled, updatePhraseRule } from "./rule-mutations";
import {
  phraseRuleDeleteSchema,
  phraseRuleInputSchema,
  phraseRuleRecheckSchema,
  phraseRuleToggleSchema,
  phraseRuleUpdateSchema,
  type PhraseRuleInput,
} from "./rule-schema";
import { checkRegexPattern } from "./safe-pattern";

/**
 * The phrase rules' server actions (/admin/phrase-rules), admins only. A
 * regular expression runs on every utterance at ingest, so one that could
 * backtrack without bound is refused here (code `invalid_pattern`, with why).
 */

const notFound = () => new ActionError("not_found", "No such phrase rule.");

function checkPattern(input: PhraseRuleInput) {
  if (!input.isRegex) return;
  const check = checkRegexPattern(input.pattern);
  if (!check.ok) throw new ActionError("invalid_pattern", check.message, { reason: check.reason, ...check.values });
}

const auditDetails = (input: PhraseRuleInput) => ({ ...input, jobIds: input.jobIds.join(",") });

export const createPhraseRuleAction = defineAction({
  name: "phraseRules.create",
  permission: "phrases:manage",
  input: phraseRuleInputSchema,
  handler: async (input, { user }) => {
    checkPattern(input);
    const id = await createPhraseRule(input);
    await auditBy(user, "phrase_rule.create", `phrase_rule:${id}`, auditDetails(input));
    return { id: id.toString() };
  },
});

export const updatePhraseRuleAction = defineAction({
  name: "phraseRules.update",
  permission: "phrases:manage",
  input: phraseRuleUpdateSchema,
  handler: async ({ ruleId, rule }, { user }) => {
    checkPattern(rule);
    orRefuse(await updatePhraseRule(BigInt(ruleId), rule), notFound);
    return audited({ id: ruleId }, user, "phrase_rule.update", `phrase_rule:${ruleId}`, auditDetails(rule));
  },
});

export const setPhraseRuleEnabledAction = defineAction({
  name: "phraseRules.setEnabled",
  permission: "phrases:manage",
  input: phraseRuleToggleSchema,
  handler: async ({ ruleId, enabled }, { user }) => {
    orRefuse(await setPhraseRuleEnabled(BigInt(ruleId), enabled), notFound);
    await auditBy(user, enabled ? "phrase_rule.enable" : "phrase_rule.disable", `phrase_rule:${ruleId}`);
    return { id: ruleId, enabled };
  },
});

export const deletePhraseRuleAction = defineAction({
  name: "phraseRules.delete",
  permission: "phrases:manage",
  input: phraseRuleDeleteSchema,
  handler: async ({ ruleId }, { user }) => {
    const name = orRefuse(await deletePhraseRule(BigInt(ruleId)), notFound);
    return audited({ id: ruleId }, user, "phrase_rule.delete", `phrase_rule:${ruleId}`, { name });
  },
});

/**
 * Queues a recheck of the phrase rules over every stored transcript (the
 * worker runs it in the background, like `npm run compliance:recheck`);
 * `queued: false` when one that has not started is already waiting.
 */
export const recheckPhraseRulesAction = defineAction({
  name: "phraseRules.recheck",
  permission: "phrases:manage",
  input: phraseRuleRecheckSchema,
  handler: async (_input, { user }) => {
    const queued = await queuePhraseRecheck(`admin:${user.id}`);
    return audited({ queued }, user, "phrase_rule.recheck", "phrase_rules", { queued });
  },
});
