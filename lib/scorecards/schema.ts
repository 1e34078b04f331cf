import { z } from "zod";
import { int64IdSchema } from "../input/schema";

/**
 * Scorecards as data (docs/scorecards.md). The shapes here are a contract:
 * scorecard_versions.sections and reviews.answers are read by the quality
 * page, the /calls score filters and the export, so they are checked for real
 * values (unique keys, weights in range, every item answered within range),
 * not only for their shape. Usable in the browser (the admin form and the
 * workbench check before asking the server).
 */

export const ITEM_KINDS = ["passfail", "scale"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const MAX_WEIGHT = 100;
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "must be lower-case letters, digits and _ (a letter first)");

export const itemSchema = z.object({
  key,
  label: z.string().trim().min(1, "needs a label").max(200),
  kind: z.enum(ITEM_KINDS),
  weight: z.number().int("must be a whole number").min(1).max(MAX_WEIGHT),
  critical: z.boolean(),
});
export type ScorecardItem = z.infer<typeof itemSchema>;

export const sectionSchema = z.object({
  key,
  title: z.string().trim().min(1, "needs a title").max(200),
  items: z.array(itemSchema).min(1, "needs at least one item").max(50),
});
export type ScorecardSection = z.infer<typeof sectionSchema>;

/** Where a key repeats, as zod issues (item keys are unique across the whole version: answers are keyed by them). */
export const sectionsSchema = z
  .array(sectionSchema)
  .min(1, "needs at least one section")
  .max(20)
  .superRefine((sections, ctx) => {
    const sectionKeys = new Set<string>();
    const itemKeys = new Set<string>();
    sections.forEach((s, i) => {
      if (sectionKeys.has(s.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `repeats ${s.key}` });
      sectionKeys.add(s.key);
      s.items.forEach((item, j) => {
        if (itemKeys.has(item.key))
          ctx.addIssue({ code: "custom", path: [i, "items", j, "key"], message: `repeats ${item.key}` });
        itemKeys.add(item.key);
      });
    });
  });
export type ScorecardSections = z.infer<typeof sectionsSchema>;

export const itemsOf = (sections: ScorecardSections): ScorecardItem[] => sections.flatMap((s) => s.items);

/** One answer: a pass/fail item's pass, fail or n/a; a scale item's points (0..weight) or n/a. */
export const answerSchema = z.union([z.enum(["pass", "fail", "na"]), z.number().int().min(0).max(MAX_WEIGHT)]);
export type Answer = z.infer<typeof answerSchema>;
export type Answers = Record<string, Answer>;

/** The shape of answers; whether they fit a version is answersProblem's question. */
export const answersShapeSchema = z.record(key, answerSchema);

/** Why `answers` do not fit the version's items (every item answered, nothing else, each within range), or null. */
export function answersProblem(sections: ScorecardSections, answers: Answers): string | null {
  const items = itemsOf(sections);
  for (const item of items) {
    const a = answers[item.key];
    if (a === undefined) return `${item.key}: not answered`;
    if (item.kind === "passfail" && typeof a === "number") return `${item.key}: answer pass, fail or n/a`;
    if (item.kind === "scale" && (a === "pass" || a === "fail"))
      return `${item.key}: answer 0 to ${item.weight} or n/a`;
    if (typeof a === "number" && a > item.weight) return `${item.key}: at most ${item.weight}`;
  }
  const extra = Object.keys(answers).find((k) => !items.some((i) => i.key === k));
  return extra ? `${extra}: no such item` : null;
}

const id = int64IdSchema;
const name = z.string().trim().min(1, "needs a name").max(100);

export const scorecardInputSchema = z.object({
  name,
  /** The jobs it applies to, as ids; empty with isDefault false: none yet. */
  jobIds: z.array(id).max(500),
  isDefault: z.boolean(),
  sections: sectionsSchema,
});
export type ScorecardInput = z.output<typeof scorecardInputSchema>;

export const scorecardUpdateSchema = z.object({ scorecardId: id, scorecard: scorecardInputSchema });
export const scorecardIdSchema = z.object({ scorecardId: id });

/** A scored verdict's scorecard part, as the workbench sends it. */
export const scoredSchema = z.object({ versionId: id, answers: answersShapeSchema });
export type ScoredInput = z.infer<typeof scoredSchema>;

export const calibrationCreateSchema = z.object({
  name,
  versionId: id,
  /** The calls, by call_record_id. */
  callRecordIds: z.array(id).min(1, "needs at least one call").max(200),
  reviewerIds: z.array(id).min(2, "needs at least two reviewers").max(20),
});
export type CalibrationCreateInput = z.output<typeof calibrationCreateSchema>;

export const calibrationSubmitSchema = z.object({
  sessionId: id,
  callRecordId: id,
  answers: answersShapeSchema,
});
export const calibrationIdSchema = z.object({ sessionId: id });
