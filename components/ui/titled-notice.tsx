import type { ReactNode } from "react";

/**
 * A boxed notice whose first line is its title in bold, followed by what it
 * says (a paragraph, a list). The caller gives the box's role, test id and
 * classes, so each notice keeps its own colour and spacing.
 */
export function TitledNotice({
  role,
  testId,
  className,
  title,
  children,
}: {
  role: "note" | "alert";
  testId?: string;
  className: string;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <div role={role} data-testid={testId} className={className}>
      <p className="font-medium">{title}</p>
      {children}
    </div>
  );
}
