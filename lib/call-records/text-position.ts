/**
 * Line and column (both 1-based) of a character offset in a text. Computed
 * here rather than read from a parser's message: V8's JSON.parse messages
 * changed wording across versions and Node 20's often carry no position at all.
 * Columns count UTF-16 code units, like most editors' "column" for BMP text.
 */
export interface TextPosition {
  line: number;
  column: number;
}

export function lineColumnAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
