/**
 * One CSV cell, as every CSV the console writes has it (calls export, audit
 * export): quoted when needed, and defused with a leading `'` when a
 * spreadsheet would take it for a formula. Spreadsheets trim before they
 * look, and read the full-width forms as the ASCII ones, so the guard looks
 * past leading whitespace (space, TAB, line breaks, ideographic space, BOM)
 * for = + - @ and ＝ ＋ － ＠; a leading TAB or CR is defused on its own.
 */

const QUOTE_NEEDED = /[",\r\n]/;
const FORMULA = /^[\s\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** ASCII letters and digits: the usual first character, and never a formula. */
function plainStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isFormulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  if (plainStart(c)) return false;
  return c === 0x09 || c === 0x0d || FORMULA.test(text);
}

/** A text cell as CSV. */
export function textCell(text: string): string {
  if (isFormulaLike(text)) return `"'${text.replaceAll('"', '""')}"`;
  return QUOTE_NEEDED.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Any value as a CSV cell: null and undefined empty, dates in ISO 8601 UTC. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return textCell(value instanceof Date ? value.toISOString() : String(value));
}
