import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

/**
 * A form control with its label above it, in the console's plain style.
 * `className` adds to the control's classes (`font-mono`, a width);
 * `children` stand under the control inside the label (a hint).
 */

const control = "rounded border border-slate-300 px-2 py-1";
const withExtra = (className: string | undefined) => (className ? `${control} ${className}` : control);

export function StackedInput({
  label,
  className,
  children,
  ...input
}: { label: ReactNode; children?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <input {...input} className={withExtra(className)} />
      {children}
    </label>
  );
}

/** `options` are the select's options; `children` stand under it, as with `StackedInput`. */
export function StackedSelect({
  label,
  className,
  options,
  children,
  ...select
}: { label: ReactNode; options: ReactNode; children?: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select {...select} className={withExtra(className)}>
        {options}
      </select>
      {children}
    </label>
  );
}
