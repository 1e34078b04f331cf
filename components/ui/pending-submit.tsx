import type { ReactNode } from "react";

/**
 * A form's submit button, disabled while what the form sent is pending, so
 * that a second click does not send it again; saying so meanwhile when given
 * `busy`. With `onClick` it is a plain button that runs that instead of
 * submitting. The look is the form's own.
 */
export function PendingSubmit({
  pending,
  className,
  busy,
  onClick,
  children,
}: {
  pending: boolean;
  className: string;
  busy?: ReactNode;
  onClick?: () => void;
  children: ReactNode;
}) {
  return (
    <button type={onClick ? "button" : "submit"} onClick={onClick} disabled={pending} className={className}>
      {pending && busy !== undefined ? busy : children}
    </button>
  );
}
