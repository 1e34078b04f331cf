import type { ReactNode } from "react";

/**
 * A titled white box of a page (the dashboard's counts, a record's review or
 * findings): a section named by its heading, so screen readers list it.
 */
export function Panel({
  id,
  title,
  testId,
  children,
}: {
  /** The heading's id, unique on the page. */
  id: string;
  title: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={testId}
    >
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
