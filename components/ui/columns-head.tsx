import type { ReactNode } from "react";
import { TableHead, Th } from "./table";

/** A column: its header (text, or a node such as a screen-reader-only name), alignment and hover title. */
export type Column = string | { label: ReactNode; align?: "left" | "right"; title?: string };

/**
 * A table's header row, one `Th` per column, after the caption that names the
 * table (for screen readers only, unless `captionClassName` shows it).
 */
export function ColumnsHead({
  caption,
  captionClassName = "sr-only",
  columns,
}: {
  caption?: string;
  captionClassName?: string;
  columns: readonly Column[];
}) {
  return (
    <>
      {caption ? <caption className={captionClassName}>{caption}</caption> : null}
      <TableHead>
        <tr>
          {columns.map((c, i) =>
            typeof c === "string" ? (
              <Th key={i}>{c}</Th>
            ) : (
              <Th key={i} align={c.align} title={c.title}>
                {c.label}
              </Th>
            ),
          )}
        </tr>
      </TableHead>
    </>
  );
}
