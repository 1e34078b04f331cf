import type { ReactNode } from "react";
import { FailureLine } from "./failure-line";

/**
 * A one-row form in a white box that creates something (a user, a token):
 * its fields and button in a wrapping row, the error (said in the user's
 * language) under them. Submitting
 * runs `onSubmit` instead of a page load.
 */
export function InlineForm({
  label,
  onSubmit,
  error,
  children,
}: {
  label: string;
  onSubmit: () => void;
  error?: Error | null;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      aria-label={label}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
    >
      {children}
      <FailureLine error={error ?? null} className="w-full text-red-700" />
    </form>
  );
}
