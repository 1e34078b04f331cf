import { describe, expect, it } from "vitest";
import { JsonSyntaxError, MAX_JSON_DEPTH, parseJsonExact, stringifyJson } from "./json-bigint";
import { lineColumnAt } from "./text-position";

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseJsonExact(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) return err;
    throw err;
  }
  throw new Error(`parsed: ${text}`);
}

describe("parseJsonExact", () => {
  it("keeps integers above 2^53 exact as bigint, and safe ones as numbers", () => {
    const v = parseJsonExact(
      '{"a":9007199254740993,"b":9223372036854775807,"c":-9223372036854775808,"d":9007199254740991,"e":123}',
    );
    expect(v).toEqual({
      a: 9007199254740993n,
      b: 9223372036854775807n,
      c: -9223372036854775808n,
      d: 9007199254740991,
      e: 123,
    });
  });

  it("parses floats and exponents as numbers (they are not ids)", () => {
    expect(parseJsonExact("[1.5, -0.25, 1e3, 12345678901234567.0, 2E-2]")).toEqual([
      1.5, -0.25, 1000, 12345678901234568, 0.02,
    ]);
  });

  it("agrees with JSON.parse on everything JSON.parse keeps exact", () => {
    const samples = [
      '{"s":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00","n":null,"t":true,"f":false,"arr":[[],{},[1,[2]]]}',
      '  "just a string"  ',
      "0",
      "-0",
      '{"dup":1,"dup":2}',
      '{"中文":"值","emoji":"😀"}',
    ];
    for (const s of samples) expect(parseJsonExact(s)).toEqual(JSON.parse(s));
  });

  it("makes __proto__ an own property, never the prototype", () => {
    const v = parseJsonExact('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports the position, line and column of the first error", () => {
    const e = syntaxError('{\n  "a": 1,\n  "b": }');
    expect(e.position).toBe(19);
    expect([e.line, e.column]).toEqual([3, 8]);
    expect(e.message).toBe('unexpected character "}", expected a JSON value at line 3, column 8');
    expect(e.kind).toBe("syntax");
  });

  it.each([
    ["{", "unexpected end of input, expected a string key", 1, 2],
    ['{"a" 1}', `unexpected character "1", expected ':'`, 1, 6],
    ["[1,]", 'unexpected character "]", expected a JSON value', 1, 4],
    ['{"a":1,}', `unexpected character "}", expected a string key`, 1, 8],
    ['"abc', "unterminated string", 1, 1],
    ['"a\tb"', "unescaped control character in string", 1, 3],
    ['"\\x"', "invalid escape in string", 1, 2],
    ['"\\u12G4"', "invalid \\u escape in string", 1, 2],
    ["01", "unexpected content after the JSON value", 1, 2],
    ["tru", 'unexpected character "t", expected a JSON value', 1, 1],
    ["NaN", 'unexpected character "N", expected a JSON value', 1, 1],
    ["-", "invalid number", 1, 1],
    ["", "unexpected end of input, expected a JSON value", 1, 1],
  ])("rejects %j: %s", (text, reason, line, column) => {
    const e = syntaxError(text);
    expect(e.reason).toBe(reason);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it("marks content after a complete value as trailing (how NDJSON is detected)", () => {
    const e = syntaxError('{"a":1}\n{"b":2}');
    expect(e.kind).toBe("trailing");
    expect([e.line, e.column]).toEqual([2, 1]);
  });

  it("refuses nesting deeper than the limit instead of overflowing the stack", () => {
    expect(parseJsonExact("[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH))).toBeInstanceOf(Array);
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(syntaxError(deep).kind).toBe("depth");
  });
});

describe("stringifyJson", () => {
  it("writes bigints as plain digits: the inverse of parseJsonExact", () => {
    const text = '{"id":9223372036854775807,"list":[9007199254740993,1,"x"],"nested":{"n":null}}';
    expect(stringifyJson(parseJsonExact(text))).toBe(text);
  });

  it("sorts keys on request (canonical form) and drops undefined like JSON.stringify", () => {
    expect(stringifyJson({ b: 1, a: { d: 1, c: undefined, b: 2 } }, { sortKeys: true })).toBe(
      '{"a":{"b":2,"d":1},"b":1}',
    );
    expect(stringifyJson({ when: new Date("2026-03-01T00:00:00Z") })).toBe('{"when":"2026-03-01T00:00:00.000Z"}');
  });
});

describe("lineColumnAt", () => {
  it("counts lines from LF and columns from the line start, both 1-based", () => {
    const text = "ab\ncd\r\nef";
    expect(lineColumnAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt(text, 8)).toEqual({ line: 3, column: 2 });
    expect(lineColumnAt(text, 99)).toEqual({ line: 3, column: 3 });
  });
});
