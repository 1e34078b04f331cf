import type { z } from "zod";

type Translate = (key: string, values?: Record<string, string | number>) => string;

const FIELD_LABEL: Record<string, string> = {
  name: "name",
  key: "itemKey",
  label: "itemLabel",
  weight: "weight",
  title: "sectionTitle",
};

/**
 * A scorecard's first problem as the admin reads it, in their language: where
 * it is in the form's own words ("Section 2 › Item 1 › Weight") and what the
 * field needs, instead of zod's path and English message.
 */
export function describeScorecardProblem(issue: z.core.$ZodIssue, t: Translate): string {
  const where: string[] = [];
  let field: string | undefined;
  const path = issue.path;
  for (let k = 0; k < path.length; k++) {
    const p = path[k];
    const next = path[k + 1];
    if (p === "sections" && typeof next === "number") {
      where.push(t("section", { n: next + 1 }));
      k++;
    } else if (p === "items" && typeof next === "number") {
      where.push(t("item", { n: next + 1 }));
      k++;
    } else if (typeof p === "string") field = p;
  }
  const inSection = where.length === 1;
  if (field === "key") where.push(t(inSection ? "sectionKey" : "itemKey"));
  else if (field && FIELD_LABEL[field]) where.push(t(FIELD_LABEL[field]!));
  return `${where.join(" › ")}${where.length ? ": " : ""}${t(`problems.${problemOf(issue, field)}`)}`;
}

function problemOf(issue: z.core.$ZodIssue, field: string | undefined): string {
  if (field === "items") return "noItems";
  if (field === "sections" || (field === undefined && issue.code === "too_small")) return "noSections";
  if (field === "key") return issue.code === "custom" ? "repeats" : "key";
  if (field === "weight") return "weight";
  return issue.code === "too_big" ? "tooLong" : "required";
}
