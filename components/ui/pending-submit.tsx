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

/**
 * A small form's two buttons side by side: its `PendingSubmit` (the look is
 * the form's own, `className`) and a plain "cancel" that runs `onCancel`.
 */
export function SubmitAndCancel({
  pending,
  className,
  busy,
  submit,
  cancel,
  onCancel,
}: {
  pending: boolean;
  className: string;
  busy?: ReactNode;
  submit: ReactNode;
  cancel: ReactNode;
  onCancel: () => void;
}) {
  return (
    <div className="flex gap-2">
      <PendingSubmit pending={pending} busy={busy} className={className}>
        {submit}
      </PendingSubmit>
      <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1">
        {cancel}
      </button>
    </div>
  );
}
