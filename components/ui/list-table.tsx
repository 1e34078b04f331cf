import type { ReactNode } from "react";
import { BoxedTable } from "./boxed-table";

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
    <BoxedTable caption={caption} captionHidden columns={columns} empty={false}>
      {children}
    </BoxedTable>
  );
}
