import type { ItemKind, ScorecardSections } from "@/lib/scorecards/schema";

/**
 * The scorecard form's values and the stored version as the form edits it.
 * Not a client module: /admin/scorecards (a server page) turns the version
 * being edited into the form's values, and a function exported from a
 * "use client" file cannot be called on the server.
 */

/** A section and its items as the form holds them (weights as typed, checked on save). */
export interface DraftItem {
  key: string;
  label: string;
  kind: ItemKind;
  weight: string;
  critical: boolean;
}
export interface DraftSection {
  key: string;
  title: string;
  items: DraftItem[];
}

export const emptyItem = (): DraftItem => ({ key: "", label: "", kind: "passfail", weight: "10", critical: false });
export const emptySection = (): DraftSection => ({ key: "", title: "", items: [emptyItem()] });

export interface ScorecardFormValues {
  name: string;
  jobIds: string;
  isDefault: boolean;
  sections: DraftSection[];
}

export const EMPTY_SCORECARD: ScorecardFormValues = {
  name: "",
  jobIds: "",
  isDefault: false,
  sections: [emptySection()],
};

/** A stored version as the form edits it. */
export const draftOf = (sections: ScorecardSections): DraftSection[] =>
  sections.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, weight: String(i.weight) })) }));
