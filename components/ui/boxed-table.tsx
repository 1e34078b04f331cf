import type { ReactNode } from "react";
import { ColumnsHead, type Column } from "./columns-head";

/**
 * The white box a wide list scrolls in: the table with its caption (for screen
 * readers only, unless `captionClassName` shows it) and column headers;
 * `children` is the table's body, `after` what follows the table in the box.
 */
export function TableBox({
  caption,
  captionClassName,
  columns,
  children,
  after,
}: {
  caption?: string;
  captionClassName?: string;
  columns: readonly Column[];
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <ColumnsHead caption={caption} captionClassName={captionClassName} columns={columns} />
        {children}
      </table>
      {after}
    </div>
  );
}

/**
 * A list in its white box: the caption (visible, or for screen readers only),
 * the column headers (an action column is named for screen readers: pass
 * `actions`), and the rows, or one row saying the list is empty.
 */
export function BoxedTable({
  caption,
  captionHidden,
  columns,
  actions,
  empty,
  emptyText,
  children,
}: {
  caption?: string;
  captionHidden?: boolean;
  columns: readonly string[];
  /** The hidden name of a last column of buttons. */
  actions?: string;
  empty: boolean;
  emptyText?: string;
  children: ReactNode;
}) {
  const count = columns.length + (actions ? 1 : 0);
  return (
    <TableBox
      caption={caption}
      captionClassName={captionHidden ? "sr-only" : "px-3 py-2 text-left font-medium"}
      columns={actions ? [...columns, { label: <span className="sr-only">{actions}</span> }] : columns}
    >
      <tbody className="divide-y divide-slate-100">
        {empty ? (
          <tr>
            <td colSpan={count} className="px-3 py-4 text-slate-500">
              {emptyText}
            </td>
          </tr>
        ) : (
          children
        )}
      </tbody>
    </TableBox>
  );
}
