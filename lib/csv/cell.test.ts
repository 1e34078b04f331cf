import { describe, expect, it } from "vitest";
import { csvCell, textCell } from "./cell";

describe("textCell", () => {
  it("quotes what needs quoting and leaves plain text alone", () => {
    expect(textCell("plain")).toBe("plain");
    expect(textCell("a,b")).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell("张三")).toBe("张三");
    expect(textCell("2026-01-02T03:04:05.006Z")).toBe("2026-01-02T03:04:05.006Z");
  });

  it.each(["=1+1", "+86 138", "-7", "@SUM(A1)", "\tx", "\rx"])("defuses the formula %j", (text) => {
    expect(textCell(text)).toBe(`"'${text}"`);
  });

  it.each([" =1+1", "  +1", '\n=HYPERLINK("http://x")', "\r\n@A1", " \t-2", "\u3000=1", "\uFEFF=1", "\u00a0=1"])(
    "defuses a formula after leading whitespace: %j",
    (text) => {
      expect(textCell(text)).toBe(`"'${text.replaceAll('"', '""')}"`);
    },
  );

  it.each(["＝1+1", "＋1", "－1", "＠A1", " ＝1", "\n＠A1"])("defuses the full-width form %j", (text) => {
    expect(textCell(text)).toBe(`"'${text}"`);
  });

  it("does not defuse a sign later in the text", () => {
    expect(textCell("a=1")).toBe("a=1");
    expect(textCell(" a-1")).toBe(" a-1");
  });
});

describe("csvCell", () => {
  it("writes values of any type", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(9007199254740993n)).toBe("9007199254740993");
    expect(csvCell(new Date("2026-01-02T03:04:05.006Z"))).toBe("2026-01-02T03:04:05.006Z");
    expect(csvCell(" =cmd")).toBe(`"' =cmd"`);
  });
});
