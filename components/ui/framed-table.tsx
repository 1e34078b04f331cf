import type { ReactNode } from "react";
import { ColumnsHead } from "./columns-head";

/**
 * A table in a plain white frame (the retention and legal-hold lists): its
 * caption, shown or for screen readers only, the column headers (a number
 * column as `{ label, align: "right" }`), and `children`, the body's rows.
 */
export function FramedTable({
  testId,
  caption,
  captionHidden,
  columns,
  children,
}: {
  testId: string;
  caption: string;
  captionHidden?: boolean;
  columns: readonly (string | { label: string; align: "right" })[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <ColumnsHead
          caption={caption}
          captionClassName={captionHidden ? "sr-only" : "p-2 text-left font-medium"}
          columns={columns}
        />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
