import type { ReactNode } from "react";

/**
 * A part of a page named by its own heading (`aria-labelledby`), so screen
 * readers list it; the box around it, if any, is the caller's `className`.
 */
export function TitledSection({
  id,
  title,
  className,
  titleClassName = "font-medium",
  testId,
  children,
}: {
  /** The heading's id, unique on the page. */
  id: string;
  title: ReactNode;
  className: string;
  titleClassName?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <h2 id={id} className={titleClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A titled section whose heading shares its row with something beside it (a
 * link, a running score): the row's layout is `headerClassName`.
 */
export function TitledSectionWithAside({
  id,
  title,
  aside,
  className,
  headerClassName,
  testId,
  children,
}: {
  /** The heading's id, unique on the page. */
  id: string;
  title: ReactNode;
  aside: ReactNode;
  className: string;
  headerClassName: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className} data-testid={testId}>
      <div className={headerClassName}>
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
