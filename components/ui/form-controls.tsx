import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

/**
 * Form controls inside their label (the label's text first, or after a
 * checkbox), in the console's plain style.
 */

const input = "rounded border border-slate-300 px-2 py-1";
const withExtra = (className: string | undefined) => (className ? `${input} ${className}` : input);

/**
 * An input with its label above it. `className` adds to the input's classes
 * (`font-mono`, a width), `labelClassName` replaces the label's; `children`
 * stand under the input inside the label (a hint).
 */
export function StackedInput({
  label,
  className,
  labelClassName = "flex flex-col gap-1",
  children,
  ...rest
}: { label: ReactNode; labelClassName?: string; children?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={labelClassName}>
      {label}
      <input {...rest} className={withExtra(className)} />
      {children}
    </label>
  );
}

/** `options` are the select's options; the rest as with `StackedInput`. */
export function StackedSelect({
  label,
  className,
  labelClassName = "flex flex-col gap-1",
  options,
  children,
  ...rest
}: {
  label: ReactNode;
  labelClassName?: string;
  options: ReactNode;
  children?: ReactNode;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className={labelClassName}>
      {label}
      <select {...rest} className={withExtra(className)}>
        {options}
      </select>
      {children}
    </label>
  );
}

/** A control (or several) under its name, the label a block; `labelClassName` styles the name. */
export function BlockLabel({
  label,
  labelClassName,
  children,
}: {
  label: string;
  labelClassName: string;
  children: ReactNode;
}) {
  return (
    <label className="block">
      <span className={labelClassName}>{label}</span>
      {children}
    </label>
  );
}

/** A required one-line text input; `inputClassName` is added to the input's border and padding. */
export function TextField({
  label,
  value,
  onChange,
  maxLength,
  className = "flex flex-col gap-1",
  inputClassName,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  className?: string;
  inputClassName?: string;
}) {
  return (
    <StackedInput
      label={label}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={inputClassName}
      maxLength={maxLength}
      labelClassName={className}
    />
  );
}

/** A choice among `options` (their value and the text shown). */
export function SelectField({
  label,
  value,
  options,
  onChange,
  required,
  className = "flex flex-col gap-1",
}: {
  label: string;
  value: string;
  options: readonly { value: string; text: string }[];
  onChange: (value: string) => void;
  required?: boolean;
  className?: string;
}) {
  const choices = options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.text}
    </option>
  ));
  return (
    <StackedSelect
      label={label}
      required={required}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={choices}
      labelClassName={className}
    />
  );
}

/** A checkbox with its text after it. */
export function CheckboxField({
  label,
  checked,
  onChange,
  className = "flex items-center gap-2",
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
}) {
  return (
    <label className={className}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
