import type { ReactNode } from "react";
import { TableHead, Th } from "./table";

/**
 * The admin list pages (scorecards, phrase rules, alert channels): a title
 * with its intro, then the list as a table, or a dashed "nothing yet" box
 * when it is empty.
 */

export function ListHeader({ title, intro, introTestId }: { title: string; intro: string; introTestId?: string }) {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="text-sm text-slate-600" data-testid={introTestId}>
        {intro}
      </p>
    </>
  );
}

/** `children` are the table's rows; `caption` names the table for screen readers. */
export function ListTable({
  empty,
  emptyText,
  caption,
  columns,
  children,
}: {
  empty: boolean;
  emptyText: string;
  caption?: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  if (empty)
    return (
      <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        {emptyText}
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <TableHead>
          <tr>
            {columns.map((c, i) => (
              <Th key={i}>{c}</Th>
            ))}
          </tr>
        </TableHead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
