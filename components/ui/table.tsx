import type { ReactNode, ThHTMLAttributes } from "react";

/**
 * The console's table header pieces, so that every list reads alike and a
 * change of style is one edit: a header row group and a column header cell
 * (always `scope="col"`, numbers right-aligned).
 */
export function TableHead({ children, tone = "plain" }: { children: ReactNode; tone?: "plain" | "warning" }) {
  const bg = tone === "warning" ? "bg-amber-50" : "bg-slate-50";
  return (
    <thead className={`${bg} text-left text-xs font-medium uppercase tracking-wide text-slate-500`}>{children}</thead>
  );
}

export function Th({
  children,
  align = "left",
  className = "",
  ...rest
}: { children?: ReactNode; align?: "left" | "right" } & Omit<
  ThHTMLAttributes<HTMLTableCellElement>,
  "align" | "scope"
>) {
  const cls = `px-3 py-2${align === "right" ? " text-right" : ""}${className ? ` ${className}` : ""}`;
  return (
    <th scope="col" className={cls} {...rest}>
      {children}
    </th>
  );
}
