import { z } from "zod";
import { positiveInt64IdSchema } from "../input/schema";
import { MAX_PATTERN_LENGTH } from "./safe-pattern";

/**
 * The phrase rules' inputs (/admin/phrase-rules). A separate file from
 * schema.ts, which is the ingest wire format; ids cross to the browser as
 * strings. Whether a regular expression is safe is checked by the action
 * (safe-pattern.ts), so that the page can say why in its own words.
 */

export const PHRASE_RULE_KINDS = ["required", "prohibited"] as const;
export const PHRASE_SPEAKERS = ["robot", "callee", "any"] as const;

// Ids are int64 in the database: one past it would fail there rather than here.
const id = positiveInt64IdSchema("must be an id");

export const phraseRuleInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(PHRASE_RULE_KINDS),
  pattern: z.string().trim().min(1).max(MAX_PATTERN_LENGTH),
  isRegex: z.boolean(),
  speaker: z.enum(PHRASE_SPEAKERS),
  /** Empty: every job. */
  jobIds: z.array(id).max(200),
  enabled: z.boolean(),
});
export type PhraseRuleInput = z.output<typeof phraseRuleInputSchema>;

export const phraseRuleIdSchema = id;

export const phraseRuleUpdateSchema = z.object({ ruleId: id, rule: phraseRuleInputSchema });
export const phraseRuleToggleSchema = z.object({ ruleId: id, enabled: z.boolean() });
export const phraseRuleDeleteSchema = z.object({ ruleId: id });
export const phraseRuleRecheckSchema = z.object({}).strict();
