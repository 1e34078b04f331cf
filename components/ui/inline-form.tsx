import type { ReactNode } from "react";

/**
 * A one-row form in a white box that creates something (a user, a token):
 * its fields and button in a wrapping row, the error under them. Submitting
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
  error?: string | null;
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
      {error ? (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
