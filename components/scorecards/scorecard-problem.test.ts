import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/scorecards.json";
import { scorecardInputSchema } from "@/lib/scorecards/schema";
import { describeScorecardProblem } from "./scorecard-problem";

// The admin's messages themselves, so a renamed key shows here as a raw key.
const t = (key: string, values: Record<string, string | number> = {}) => {
  const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], en.admin);
  if (typeof text !== "string") return `MISSING ${key}`;
  return text.replace(/\{(\w+)\}/g, (_, v: string) => String(values[v]));
};
const item = { key: "greet", label: "Greets", kind: "passfail", weight: 10, critical: false };
const card = (sections: unknown[]) => ({ name: "Card", jobIds: [], isDefault: false, sections });
const problem = (input: unknown) => {
  const r = scorecardInputSchema.safeParse(input);
  if (r.success) throw new Error("expected a problem");
  return describeScorecardProblem(r.error.issues[0]!, t);
};

describe("a scorecard's problem as the admin reads it", () => {
  it("names the place in the form's own words and what the field needs", () => {
    expect(problem(card([{ key: "", title: "Opening", items: [item] }]))).toBe(
      "Section 1 › Section key: lower-case letters, digits and _, a letter first (e.g. opening)",
    );
    expect(problem(card([{ key: "open", title: "", items: [item] }]))).toBe("Section 1 › Section title: required");
    expect(
      problem(card([{ key: "open", title: "Opening", items: [item, { ...item, key: "close", weight: 0 }] }])),
    ).toBe("Section 1 › Item 2 › Weight (1–100): a whole number from 1 to 100");
    expect(problem(card([{ key: "open", title: "Opening", items: [item, item] }]))).toBe(
      "Section 1 › Item 2 › Key: used twice; each key must be unique",
    );
    expect(problem(card([{ key: "open", title: "Opening", items: [] }]))).toBe("Section 1: needs at least one item");
    expect(problem(card([]))).toBe("needs at least one section");
    expect(problem({ ...card([{ key: "open", title: "Opening", items: [item] }]), name: "" })).toBe("Name: required");
  });
});
