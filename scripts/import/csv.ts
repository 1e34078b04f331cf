/**
 * A streaming RFC 4180 CSV reader: comma-separated, fields optionally quoted
 * with `"` (a doubled `""` inside is one quote, and quoted fields may hold
 * commas and line breaks), rows ended by CRLF, LF or a lone CR. Text is fed
 * in chunks of any size; each row comes out with the 1-based line it starts
 * on, so rejects can point at the source. Blank lines are skipped.
 *
 * Malformed rows (a stray quote, text after a closing quote, a quote left
 * open at the end of the file) come out with an `error` instead of being
 * guessed at. A row that grows past `maxRowChars` is fatal (CsvError): it is
 * almost always an unbalanced quote swallowing the rest of the file, and
 * reading on would only exhaust memory.
 */

export interface CsvRow {
  /** Line (1-based) on which the row starts. */
  line: number;
  cells: string[];
  error?: string;
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

export const DEFAULT_MAX_ROW_CHARS = 8 * 1024 * 1024;

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

const State = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** A quote inside a quoted field: either the closing one or the first half of `""`. */
  QuoteInQuoted: 3,
} as const;
type State = (typeof State)[keyof typeof State];

export class CsvParser {
  private state: State = State.FieldStart;
  private cells: string[] = [];
  private cellChars = 0;
  private field = "";
  private fieldQuoted = false;
  private error: string | undefined;
  /** Current line of the reading position, and the line the current row began on. */
  private line = 1;
  private rowLine = 1;
  /** The previous character was a CR that ended a line; a following LF belongs to it. */
  private afterCr = false;
  private out: CsvRow[] = [];

  constructor(private readonly maxRowChars = DEFAULT_MAX_ROW_CHARS) {}

  push(chunk: string): CsvRow[] {
    const n = chunk.length;
    // Start of the not-yet-copied text of the current field in this chunk.
    let seg = 0;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      const lf = c === LF && this.afterCr;
      this.afterCr = c === CR;
      if (c === CR || (c === LF && !lf)) this.line++;

      switch (this.state) {
        case State.Quoted:
          if (c === QUOTE) {
            this.field += chunk.slice(seg, i);
            this.state = State.QuoteInQuoted;
          }
          break;
        case State.Unquoted:
          if (c === COMMA || c === CR || c === LF) {
            this.field += chunk.slice(seg, i);
            this.endField(c);
          } else if (c === QUOTE) {
            this.error ??= "a quote inside an unquoted field (quote the whole field and double the quote)";
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            seg = i + 1;
          } else if (c === COMMA || c === CR || c === LF) {
            this.endField(c);
          } else {
            this.error ??= "text after the closing quote of a field";
            this.state = State.Unquoted;
            seg = i;
          }
          break;
        case State.FieldStart:
          if (lf) break; // the LF of a CRLF that already ended the row
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.fieldQuoted = true;
            seg = i + 1;
          } else if (c === COMMA || c === CR || c === LF) {
            this.endField(c);
          } else {
            this.state = State.Unquoted;
            seg = i;
          }
          break;
      }
    }
    if (this.state === State.Quoted || this.state === State.Unquoted) this.field += chunk.slice(seg);
    if (this.cellChars + this.field.length > this.maxRowChars) {
      throw new CsvError(
        this.rowLine,
        `the CSV row starting at line ${this.rowLine} is longer than ${this.maxRowChars} characters (an unbalanced quote?)`,
      );
    }
    return this.drain();
  }

  /** Flushes the last row (a file need not end with a line break). */
  end(): CsvRow[] {
    if (this.state === State.Quoted) {
      this.error ??= "a quoted field is not closed before the end of the file";
      this.endField(LF);
    } else if (this.state !== State.FieldStart || this.cells.length > 0) {
      this.endField(LF);
    }
    return this.drain();
  }

  private endField(terminator: number): void {
    this.cells.push(this.field);
    this.cellChars += this.field.length;
    const blank = this.cells.length === 1 && this.field === "" && !this.fieldQuoted;
    this.field = "";
    this.fieldQuoted = false;
    this.state = State.FieldStart;
    if (terminator === COMMA) return;
    if (!blank)
      this.out.push(
        this.error === undefined
          ? { line: this.rowLine, cells: this.cells }
          : { line: this.rowLine, cells: this.cells, error: this.error },
      );
    this.cells = [];
    this.cellChars = 0;
    this.error = undefined;
    this.rowLine = this.line;
  }

  private drain(): CsvRow[] {
    const rows = this.out;
    this.out = [];
    return rows;
  }
}
