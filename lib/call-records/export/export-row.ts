import { textCell } from "../../csv/cell";
import { maskName, maskPhone } from "../../privacy/mask";
import { maskText } from "../../privacy/redact";

/**
 * One exported record as PostgreSQL sends it — every column's text joined by
 * SEP in a single field — turned into its CSV line. One field per row instead
 * of 26: the driver's work per field (reading it, making a string, calling a
 * parser) was most of the export's CPU, while splitting one string is a
 * single native call.
 */

/**
 * The separator between the columns' texts (ASCII unit separator). A value
 * that holds it makes the row split into too many parts; such a row is
 * read again column by column (see `splitRow`).
 */
export const SEP = "\u001f";

/**
 * A time in the display time zone with its offset (`2026-11-05 08:47:57+08:00`,
 * milliseconds only when there are some: `…57.089+08:00`), from PostgreSQL's
 * ISO text of a `timestamptz` in the export session's time zone
 * (`2026-11-05 08:47:57.089+08`: trailing zeros of the fraction dropped, the
 * offset's minutes only when not zero). The first 19 characters are TOP's
 * wire format when the zone is GMT+8. Text that is not of that shape (years
 * outside 1–9999, printed with to_char) and empty text pass through.
 */
export function zonedTime(text: string): string {
  const n = text.length;
  if (n < 22 || text.charCodeAt(10) !== 0x20) return text;
  let i = 19;
  let ms = "";
  if (text.charCodeAt(19) === 0x2e) {
    i = 20;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    const fraction = text.slice(20, i).padEnd(3, "0");
    if (fraction !== "000") ms = `.${fraction}`;
  }
  const offset = text.slice(i);
  return `${text.slice(0, 19)}${ms}${offset.length === 3 ? `${offset}:00` : offset}`;
}

export interface LineLayout {
  /** Number of CSV columns; the row's texts are these columns, then the id. */
  columns: number;
  /** Indexes of the time columns (PostgreSQL's ISO text, in the display time zone). */
  times: readonly number[];
  phone: number;
  name: number;
  /** Indexes of text the sender wrote freely (properties, links, messages): masked too, for the number or name repeated in them. */
  freeText?: readonly number[];
}

/** The row's column texts (its id, the last part, left off), or null when a value held SEP (the parts do not line up). */
export function splitRow(row: string, layout: LineLayout): string[] | null {
  const cells = row.split(SEP);
  if (cells.length !== layout.columns + 1) return null;
  cells.pop();
  return cells;
}

/**
 * The CSV line (with its CRLF) of one row's column texts (NULL is empty
 * text: the CSV writes both as an empty cell). `cells` is rewritten in place.
 */
export function csvLine(cells: string[], layout: LineLayout, masked: boolean): string {
  for (const t of layout.times) cells[t] = zonedTime(cells[t]!);
  if (masked) {
    const known = { phone: cells[layout.phone], name: cells[layout.name] };
    for (const i of layout.freeText ?? []) if (cells[i]) cells[i] = maskText(cells[i]!, known);
    cells[layout.phone] = maskPhone(cells[layout.phone]!)!;
    cells[layout.name] = maskName(cells[layout.name]!)!;
  }
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    if (v !== "") cells[i] = textCell(v);
  }
  return cells.join(",") + "\r\n";
}
