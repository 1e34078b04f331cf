import { describe, expect, it } from "vitest";
import { CsvError, CsvParser, type CsvRow } from "./csv";
import { LineSplitter } from "./line-splitter";

function parse(text: string, chunkSize = text.length || 1): CsvRow[] {
  const p = new CsvParser();
  const rows: CsvRow[] = [];
  for (let i = 0; i < text.length; i += chunkSize) rows.push(...p.push(text.slice(i, i + chunkSize)));
  rows.push(...p.end());
  return rows;
}

const SAMPLE = 'id,name,note\r\n1,"Zhang, San","said ""hi""\r\nthen hung up"\r\n\r\n2,,plain\n3,"",\n';

describe("CsvParser", () => {
  it("reads RFC 4180: quoted commas, doubled quotes, quoted line breaks, CRLF or LF, blank lines skipped", () => {
    expect(parse(SAMPLE)).toEqual([
      { line: 1, cells: ["id", "name", "note"] },
      { line: 2, cells: ["1", "Zhang, San", 'said "hi"\r\nthen hung up'] },
      { line: 5, cells: ["2", "", "plain"] },
      { line: 6, cells: ["3", "", ""] },
    ]);
  });

  it("gives the same rows whatever the chunk boundaries (even inside a CRLF or a doubled quote)", () => {
    const whole = parse(SAMPLE);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parse(SAMPLE, size)).toEqual(whole);
  });

  it("ends the last row without a trailing newline, and knows lone CR line ends", () => {
    expect(parse("a,b\rc,d")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["c", "d"] },
    ]);
    expect(parse("a,b,")).toEqual([{ line: 1, cells: ["a", "b", ""] }]);
  });

  it("flags malformed rows instead of guessing, and carries on with the next", () => {
    expect(parse('a,b"c\n"x"y,z\nok,1\n"open,2')).toEqual([
      {
        line: 1,
        cells: ["a", 'b"c'],
        error: "a quote inside an unquoted field (quote the whole field and double the quote)",
      },
      { line: 2, cells: ["xy", "z"], error: "text after the closing quote of a field" },
      { line: 3, cells: ["ok", "1"] },
      { line: 4, cells: ["open,2"], error: "a quoted field is not closed before the end of the file" },
    ]);
  });

  it("stops with the starting line when a row outgrows the limit (an unbalanced quote)", () => {
    const p = new CsvParser(100);
    p.push("h1,h2\n1,2\n");
    expect(() => p.push(`3,"${"x".repeat(200)}`)).toThrowError(
      new CsvError(3, "the CSV row starting at line 3 is longer than 100 characters (an unbalanced quote?)"),
    );
  });
});

describe("LineSplitter", () => {
  it("numbers LF lines across chunks, drops the CR of CRLF, keeps the last line without LF", () => {
    const s = new LineSplitter();
    const out = [...s.push('{"a":1}\r\n{"b"'), ...s.push(":2}\n\n"), ...s.push("last"), ...s.end()];
    expect(out).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '{"b":2}' },
      { line: 3, text: "" },
      { line: 4, text: "last" },
    ]);
  });

  it("cuts an over-long line short and resumes at the next one", () => {
    const s = new LineSplitter(10);
    const out = [...s.push("x".repeat(8)), ...s.push("y".repeat(8)), ...s.push("zz\nok\n"), ...s.end()];
    expect(out).toEqual([
      { line: 1, text: "x".repeat(8) + "y".repeat(8), tooLong: true },
      { line: 2, text: "ok" },
    ]);
  });
});
