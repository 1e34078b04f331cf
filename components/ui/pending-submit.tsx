import type { ReactNode } from "react";

/**
 * A form's submit button, disabled while what the form sent is pending, so
 * that a second click does not send it again. The look is the form's own.
 */
export function PendingSubmit({
  pending,
  className,
  children,
}: {
  pending: boolean;
  className: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" disabled={pending} className={className}>
      {children}
    </button>
  );
}
