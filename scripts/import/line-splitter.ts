/**
 * Splits streamed text into LF-terminated lines (a CR before the LF is
 * dropped), numbering them from 1. A line longer than `maxLineChars` is not
 * kept in memory: it comes out truncated with `tooLong`, and reading resumes
 * at the next line.
 */

export interface TextLine {
  line: number;
  text: string;
  tooLong?: boolean;
}

export const DEFAULT_MAX_LINE_CHARS = 8 * 1024 * 1024;
const KEEP_OF_LONG_LINE = 200;

export class LineSplitter {
  private pending = "";
  private line = 1;
  private skipping = false;

  constructor(private readonly maxLineChars = DEFAULT_MAX_LINE_CHARS) {}

  push(chunk: string): TextLine[] {
    const out: TextLine[] = [];
    let start = 0;
    for (let nl = chunk.indexOf("\n"); nl !== -1; nl = chunk.indexOf("\n", start)) {
      if (this.skipping) this.skipping = false;
      else this.emit(out, this.pending + chunk.slice(start, nl));
      this.pending = "";
      this.line++;
      start = nl + 1;
    }
    if (!this.skipping) {
      this.pending += chunk.slice(start);
      if (this.pending.length > this.maxLineChars) {
        out.push({ line: this.line, text: this.pending.slice(0, KEEP_OF_LONG_LINE), tooLong: true });
        this.pending = "";
        this.skipping = true;
      }
    }
    return out;
  }

  end(): TextLine[] {
    const out: TextLine[] = [];
    if (!this.skipping && this.pending !== "") this.emit(out, this.pending);
    this.pending = "";
    return out;
  }

  private emit(out: TextLine[], text: string): void {
    if (text.length > this.maxLineChars) {
      out.push({ line: this.line, text: text.slice(0, KEEP_OF_LONG_LINE), tooLong: true });
      return;
    }
    out.push({ line: this.line, text: text.endsWith("\r") ? text.slice(0, -1) : text });
  }
}
