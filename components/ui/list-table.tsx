import type { ReactNode } from "react";
import { BoxedTable } from "./boxed-table";

/**
 * The admin list pages (scorecards, phrase rules, alert channels): a title
 * with its intro, then the list as a table, or a dashed "nothing yet" box
 * when it is empty.
 */

/**
 * `text` is the page's title, its intro and what the box says when the list
 * is empty; `children` are the table's rows; `caption` names the table for
 * screen readers.
 */
export function ListTable({
  text,
  introTestId,
  empty,
  caption,
  columns,
  children,
}: {
  text: { title: string; intro: string; empty: string };
  introTestId?: string;
  empty: boolean;
  caption?: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">{text.title}</h1>
      <p className="text-sm text-slate-600" data-testid={introTestId}>
        {text.intro}
      </p>
      {empty ? (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          {text.empty}
        </p>
      ) : (
        <BoxedTable caption={caption} captionHidden columns={columns} empty={false}>
          {children}
        </BoxedTable>
      )}
    </>
  );
}
