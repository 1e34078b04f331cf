import { describe, expect, it } from "vitest";
import { CALL_COLUMNS } from "./call-columns";
import { visibleColumns } from "./hidden-columns";

describe("the column chooser", () => {
  const ids = (hidden: string[]) => visibleColumns(hidden).map((c) => c.id);

  it("can hide every optional column, and keeps the others in the table's order", () => {
    for (const c of CALL_COLUMNS.filter((c) => "optional" in c && c.optional)) {
      expect(ids([c.id])).not.toContain(c.id);
      expect(ids([c.id])).toEqual(CALL_COLUMNS.map((x) => x.id).filter((id) => id !== c.id));
    }
  });

  it("never hides a column it does not offer, whatever the browser remembered", () => {
    const fixed = CALL_COLUMNS.filter((c) => !("optional" in c && c.optional)).map((c) => c.id);
    expect(fixed.length).toBeGreaterThan(0);
    expect(ids([...fixed, "no-such-column"])).toEqual(expect.arrayContaining(fixed));
  });
});
