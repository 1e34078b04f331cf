import * as phraseRules from "../../../lib/transcripts/actions";
import type { Role } from "../../../lib/auth/permissions";
import { onlyFrom, type Expect } from "./expect";

/** The phrase rules' rows of the authorization matrix (actions.ts spreads them in). */
export const PHRASE_RULE_ACTIONS: {
  name: string;
  call: () => Promise<{ ok: boolean; code?: string }>;
  expect: Record<Role, Expect>;
}[] = [
  {
    name: "phraseRules.create",
    call: () =>
      phraseRules.createPhraseRuleAction({
        name: "",
        kind: "required",
        pattern: "x",
        isRegex: false,
        speaker: "any",
        jobIds: [],
        enabled: true,
      }),
    expect: onlyFrom("admin"),
  },
  {
    name: "phraseRules.update",
    call: () =>
      phraseRules.updatePhraseRuleAction({
        ruleId: "999999999",
        rule: { name: "x", kind: "required", pattern: "x", isRegex: false, speaker: "any", jobIds: [], enabled: true },
      }),
    expect: onlyFrom("admin"),
  },
  {
    name: "phraseRules.setEnabled",
    call: () => phraseRules.setPhraseRuleEnabledAction({ ruleId: "999999999", enabled: false }),
    expect: onlyFrom("admin"),
  },
  {
    name: "phraseRules.delete",
    call: () => phraseRules.deletePhraseRuleAction({ ruleId: "999999999" }),
    expect: onlyFrom("admin"),
  },
  { name: "phraseRules.recheck", call: () => phraseRules.recheckPhraseRulesAction({}), expect: onlyFrom("admin") },
];
