import { describe, expect, it } from "vitest";
import { csvCell } from "../../csv/cell";
import { csvLine, SEP, splitRow, zonedTime, type LineLayout } from "./export-row";

const LAYOUT: LineLayout = { columns: 5, times: [3], phone: 1, name: 2 };

describe("export rows", () => {
  it("completes PostgreSQL's ISO text of a timestamptz in the display zone to a time with its offset", () => {
    expect(zonedTime("2026-11-05 08:47:57+08")).toBe("2026-11-05 08:47:57+08:00");
    expect(zonedTime("2026-11-05 08:47:57.08+08")).toBe("2026-11-05 08:47:57.080+08:00");
    expect(zonedTime("2026-11-05 08:47:57.1-05")).toBe("2026-11-05 08:47:57.100-05:00");
    expect(zonedTime("2026-11-05 06:17:57.123+05:30")).toBe("2026-11-05 06:17:57.123+05:30");
    expect(zonedTime("0999-12-31 23:59:59.001+08:05:43")).toBe("0999-12-31 23:59:59.001+08:05:43");
    // Already formatted by to_char (years PostgreSQL's ISO text would not fit), or empty: unchanged.
    expect(zonedTime("10000-01-01 00:00:00.000+08:00")).toBe("10000-01-01 00:00:00.000+08:00");
    expect(zonedTime("")).toBe("");
  });

  it("splits a row into its columns and leaves off the id; a value holding the separator does not line up", () => {
    expect(splitRow(["1", "13812345678", "张三", "2026-03-04 05:06:07", "x", "42"].join(SEP), LAYOUT)).toEqual([
      "1",
      "13812345678",
      "张三",
      "2026-03-04 05:06:07",
      "x",
    ]);
    expect(splitRow(["1", "", "", "", `a${SEP}b`, "42"].join(SEP), LAYOUT)).toBeNull();
    expect(splitRow(["1", "", "", "42"].join(SEP), LAYOUT)).toBeNull();
  });

  it("writes a line like csvCell does each cell, with times completed and personal data masked when asked", () => {
    const cells = () => ["-5", " 13812345678 ", "欧阳娜娜", "2026-03-04 13:06:07.5+08", 'say "hi", =1'];
    expect(csvLine(cells(), LAYOUT, true)).toBe(
      `"'-5",138****5678,欧***,2026-03-04 13:06:07.500+08:00,"say ""hi"", =1"\r\n`,
    );
    expect(csvLine(cells(), LAYOUT, false)).toBe(
      `"'-5", 13812345678 ,欧阳娜娜,2026-03-04 13:06:07.500+08:00,"say ""hi"", =1"\r\n`,
    );
    // Empty text (NULL arrives as empty text) is an empty cell, masked or not.
    expect(csvLine(["", "", "", "", ""], LAYOUT, true)).toBe(",,,,\r\n");
    const values = ["@x", "+86 138", "a\nb", "\tx", "plain"];
    expect(csvLine([...values], { ...LAYOUT, times: [] }, false)).toBe(values.map(csvCell).join(",") + "\r\n");
  });
});
