import type { ReactNode, RefObject } from "react";

/** The button that closes a dialog without doing anything (cancel, keep, close). */
export function DialogCloseButton({
  dialog,
  autoFocus,
  className = "rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50",
  children,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  autoFocus?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button type="button" autoFocus={autoFocus} onClick={() => dialog.current?.close()} className={className}>
      {children}
    </button>
  );
}
