import type { ReactNode } from "react";

/** What a part of a page lists, or one line saying that there is nothing to list. */
export function EmptyOr({
  empty,
  text,
  className = "text-sm text-slate-600",
  children,
}: {
  empty: boolean;
  text: string;
  className?: string;
  children: ReactNode;
}) {
  return empty ? <p className={className}>{text}</p> : children;
}
