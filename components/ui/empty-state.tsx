import type { ReactNode } from "react";

/**
 * The dashed box a list shows in its place when there is nothing to list
 * (or nothing left in a queue): what to do next, centred. A `p` where it
 * holds only a line of text and links, otherwise a `div`.
 */
export function EmptyState({
  as: Tag = "div",
  testId,
  children,
}: {
  as?: "div" | "p";
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Tag
      className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600"
      data-testid={testId}
    >
      {children}
    </Tag>
  );
}
