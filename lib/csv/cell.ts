/** CSV cells as every CSV this product writes spells them (RFC 4180 quoting, formulas defused). */

const QUOTE_NEEDED = /[",\r\n]/;

/** A text cell as CSV: quoted when needed; a leading =, +, -, @, TAB or CR (a formula to spreadsheets) is defused with a `'`. */
export function textCell(text: string): string {
  const c = text.charCodeAt(0);
  if (c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d) return `"'${text.replaceAll('"', '""')}"`;
  return QUOTE_NEEDED.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return textCell(value instanceof Date ? value.toISOString() : String(value));
}
