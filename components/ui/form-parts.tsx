import Link from "next/link";
import type { FormEvent, ReactNode } from "react";
import { DeleteWithConfirm, type Removal } from "./delete-with-confirm";

/**
 * Pieces of the admin edit forms (scorecards, phrase rules), so that they
 * read and behave alike: the form with its title, the job ids
 * field, the error line, and the row of save, cancel and the remove button.
 */

const input = "rounded border border-slate-300 px-2 py-1";
const primary = "rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-60";

/** The form's box, named by its title; `id` prefixes the ids of the title and the fields inside. */
export function EditForm({
  id,
  title,
  testId,
  noValidate,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  noValidate?: boolean;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid={testId}
      noValidate={noValidate}
    >
      <h2 id={`${id}-title`} className="font-medium">
        {title}
      </h2>
      {children}
    </form>
  );
}

/** Job ids typed as text ("12, 34"), with the help under it; `id` prefixes the ids the label and help use. */
export function JobIdsField({
  id,
  label,
  help,
  value,
  onChange,
  invalid,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-jobs`}>{label}</label>
      <input
        id={`${id}-jobs`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-jobs-help`}
        aria-invalid={invalid}
        inputMode="numeric"
        className={`${input} font-mono`}
      />
      <span id={`${id}-jobs-help`} className="text-xs text-slate-600">
        {help}
      </span>
    </div>
  );
}

/** Why the form was not saved; nothing when there is no error. */
export function FormError({ error, testId }: { error: string | null; testId?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800" data-testid={testId}>
      {error}
    </p>
  );
}

/**
 * The submit button; when editing, a way back to the list (`listHref`) and,
 * at the far end, the button that removes the thing after asking (its label
 * is also the dialog's title and confirm button) and then goes to the list.
 */
export function FormActions({
  saveLabel,
  pending,
  editing,
}: {
  saveLabel: string;
  pending: boolean;
  editing?: {
    listHref: string;
    cancelLabel: string;
    remove: { label: string; body: string; action: () => Promise<Removal>; testId: string };
  };
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="submit" disabled={pending} className={primary}>
        {saveLabel}
      </button>
      {editing ? (
        <>
          <Link href={editing.listHref} className="text-sky-700 underline">
            {editing.cancelLabel}
          </Link>
          <span className="ml-auto">
            <DeleteWithConfirm
              text={{
                button: editing.remove.label,
                title: editing.remove.label,
                confirm: editing.remove.label,
                body: editing.remove.body,
              }}
              remove={editing.remove.action}
              then={editing.listHref}
              testId={editing.remove.testId}
            />
          </span>
        </>
      ) : null}
    </div>
  );
}
