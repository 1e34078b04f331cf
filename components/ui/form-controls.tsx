/**
 * Form controls inside their label (the label's text first, or after a
 * checkbox), as the admin and review forms lay them out.
 */

const input = "rounded border border-slate-300 px-2 py-1";

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
    <label className={className}>
      {label}
      <input
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={inputClassName ? `${input} ${inputClassName}` : input}
        maxLength={maxLength}
      />
    </label>
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
    <label className={className}>
      {label}
      <select required={required} value={value} onChange={(e) => onChange(e.target.value)} className={input}>
        {choices}
      </select>
    </label>
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
