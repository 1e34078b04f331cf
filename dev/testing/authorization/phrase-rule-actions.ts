import * as phraseRules from "../../../lib/transcripts/actions";
import { allowedFrom, type MatrixAction } from "./expect";

/** The phrase rules' rows of the authorization matrix (actions.ts spreads them in). */
export const PHRASE_RULE_ACTIONS: MatrixAction[] = [
  ...allowedFrom("admin", {
    "phraseRules.create": () =>
      phraseRules.createPhraseRuleAction({
        name: "",
        kind: "required",
        pattern: "x",
        isRegex: false,
        speaker: "any",
        jobIds: [],
        enabled: true,
      }),
    "phraseRules.update": () =>
      phraseRules.updatePhraseRuleAction({
        ruleId: "999999999",
        rule: { name: "x", kind: "required", pattern: "x", isRegex: false, speaker: "any", jobIds: [], enabled: true },
      }),
    "phraseRules.setEnabled": () => phraseRules.setPhraseRuleEnabledAction({ ruleId: "999999999", enabled: false }),
    "phraseRules.delete": () => phraseRules.deletePhraseRuleAction({ ruleId: "999999999" }),
    "phraseRules.recheck": () => phraseRules.recheckPhraseRulesAction({}),
  }),
];
