import { lineColumnAt } from "./text-position";

/**
 * A strict RFC 8259 JSON parser that keeps integers exact. JSON.parse turns
 * 9007199254740993 into 9007199254740992, and call record ids are int64
 * values that do exceed 2^53; Node 20 has no reviver `context.source` to
 * recover the literal. So: a small recursive-descent parser that returns a
 * `bigint` for every integer literal outside the safe range (and a number
 * otherwise), and whose errors carry the exact offset, line and column.
 */

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Deep enough for any real payload, shallow enough that recursion cannot overflow the stack. */
export const MAX_JSON_DEPTH = 256;

export type JsonErrorKind = "syntax" | "trailing" | "depth";

export class JsonSyntaxError extends SyntaxError {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  readonly kind: JsonErrorKind;

  constructor(text: string, position: number, reason: string, kind: JsonErrorKind = "syntax") {
    const { line, column } = lineColumnAt(text, position);
    super(`${reason} at line ${line}, column ${column}`);
    this.name = "JsonSyntaxError";
    this.position = position;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.kind = kind;
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
// 15 digits are always below 2^53 (9007199254740992 has 16), so shorter literals skip the BigInt check.
const ALWAYS_SAFE_DIGITS = 15;

export function parseJsonExact(text: string): JsonValue {
  const parser = new Parser(text);
  const value = parser.value(0);
  parser.skipWhitespace();
  if (parser.pos < text.length) parser.fail("unexpected content after the JSON value", "trailing");
  return value;
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(reason: string, kind: JsonErrorKind = "syntax", at = this.pos): never {
    throw new JsonSyntaxError(this.text, at, reason, kind);
  }

  private unexpected(expected: string): never {
    if (this.pos >= this.text.length) this.fail(`unexpected end of input, expected ${expected}`);
    const ch = String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0);
    this.fail(`unexpected character ${JSON.stringify(ch)}, expected ${expected}`);
  }

  skipWhitespace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  value(depth: number): JsonValue {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b: // {
        return this.object(depth + 1);
      case 0x5b: // [
        return this.array(depth + 1);
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.literal("true", true);
      case 0x66: // f
        return this.literal("false", false);
      case 0x6e: // n
        return this.literal("null", null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.unexpected("a JSON value");
    }
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.unexpected("a JSON value");
    this.pos += word.length;
    return value;
  }

  private enter(depth: number): void {
    if (depth > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`, "depth");
  }

  private object(depth: number): JsonObject {
    this.enter(depth);
    this.pos++;
    const out: JsonObject = {};
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x22) this.unexpected("a string key");
      const key = this.string();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.unexpected("':'");
      this.pos++;
      const v = this.value(depth);
      // A "__proto__" key must become an own property, as with JSON.parse, not replace the prototype.
      if (key === "__proto__")
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      if (this.closes(0x7d, "',' or '}'")) return out;
    }
  }

  /** After a member or an element: true at the closing bracket `close`, false past a comma; anything else is an error. */
  private closes(close: number, expected: string): boolean {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    this.pos++;
    if (c === 0x2c) return false;
    if (c === close) return true;
    this.pos--;
    return this.unexpected(expected);
  }

  private array(depth: number): JsonValue[] {
    this.enter(depth);
    this.pos++;
    const out: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth));
      if (this.closes(0x5d, "',' or ']'")) return out;
    }
  }

  private string(): string {
    const t = this.text;
    let p = this.pos + 1;
    let chunkStart = p;
    let out = "";
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x22) {
        out += t.slice(chunkStart, p);
        this.pos = p + 1;
        return out;
      }
      if (c === 0x5c) {
        out += t.slice(chunkStart, p);
        const e = t.charCodeAt(p + 1);
        switch (e) {
          case 0x22:
            out += '"';
            break;
          case 0x5c:
            out += "\\";
            break;
          case 0x2f:
            out += "/";
            break;
          case 0x62:
            out += "\b";
            break;
          case 0x66:
            out += "\f";
            break;
          case 0x6e:
            out += "\n";
            break;
          case 0x72:
            out += "\r";
            break;
          case 0x74:
            out += "\t";
            break;
          case 0x75: {
            const hex = t.slice(p + 2, p + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape in string", "syntax", p);
            out += String.fromCharCode(parseInt(hex, 16));
            p += 4;
            break;
          }
          default:
            this.fail(Number.isNaN(e) ? "unterminated string" : "invalid escape in string", "syntax", p);
        }
        p += 2;
        chunkStart = p;
        continue;
      }
      if (Number.isNaN(c)) this.fail("unterminated string", "syntax", this.pos);
      if (c < 0x20) this.fail("unescaped control character in string", "syntax", p);
      p++;
    }
  }

  private number(): number | bigint {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail("invalid number");
    const literal = m[0];
    this.pos += literal.length;
    if (m[1] === undefined && m[2] === undefined) {
      const digits = literal.charCodeAt(0) === 0x2d ? literal.length - 1 : literal.length;
      if (digits > ALWAYS_SAFE_DIGITS) {
        const big = BigInt(literal);
        if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) return big;
      }
    }
    return Number(literal);
  }
}

/**
 * JSON text for a value that may hold bigints (written as plain digits, the
 * inverse of parseJsonExact). `sortKeys` gives a canonical form for hashing.
 */
export function stringifyJson(value: unknown, opts: { sortKeys?: boolean } = {}): string {
  return write(value, opts.sortKeys === true, 0) ?? "null";
}

function write(value: unknown, sortKeys: boolean, depth: number): string | undefined {
  if (depth > MAX_JSON_DEPTH + 1) throw new RangeError(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => write(v, sortKeys, depth + 1) ?? "null").join(",")}]`;
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return write(withToJson.toJSON(), sortKeys, depth + 1);
  const keys = Object.keys(value as object);
  if (sortKeys) keys.sort();
  const parts: string[] = [];
  for (const key of keys) {
    const v = write((value as Record<string, unknown>)[key], sortKeys, depth + 1);
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
  }
  return `{${parts.join(",")}}`;
}
