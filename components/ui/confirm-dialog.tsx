"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { DialogCloseButton } from "./dialog-close-button";
import { dangerButton } from "@/components/ui/styles";

/**
 * Asks before an action that cannot be undone, saying what it will do. The
 * confirm button is disabled while the action runs, so a double click does
 * one thing; Escape and the keep button close it without acting.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
  testId,
  confirmDisabled = false,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
  /** The confirm button waits for something the dialog asks for (a required comment). */
  confirmDisabled?: boolean;
}) {
  const t = useTranslations("confirm");
  const ref = useRef<HTMLDialogElement>(null);
  const fired = useRef(false);

  useEffect(() => {
    ref.current?.showModal();
  }, []);
  useEffect(() => {
    if (!pending) fired.current = false;
  }, [pending]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="confirm-title"
      data-testid={testId}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id="confirm-title" className="text-lg font-semibold">
          {title}
        </h2>
        <div className="space-y-2 text-sm text-slate-700">{children}</div>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <DialogCloseButton dialog={ref} autoFocus>
            {t("keep")}
          </DialogCloseButton>
          <button
            type="button"
            disabled={pending || confirmDisabled}
            onClick={() => {
              // A second click before React re-renders the disabled button must not act twice.
              if (fired.current) return;
              fired.current = true;
              onConfirm();
            }}
            className={`${dangerButton} disabled:cursor-not-allowed disabled:bg-slate-400`}
          >
            {pending ? t("working") : confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
