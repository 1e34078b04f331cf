import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CALL_COLUMNS } from "./call-columns";

describe("the column chooser", () => {
  it("can hide every optional column: each has its rule in globals.css", () => {
    const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
    const missing = CALL_COLUMNS.filter(
      (c) => "optional" in c && !css.includes(`.calls-table[data-hide~="${c.id}"] [data-col="${c.id}"]`),
    ).map((c) => c.id);
    expect(missing).toEqual([]);
  });
});
