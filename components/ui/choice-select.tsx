/**
 * A select over a fixed list of choices, each with its own label; `onChange`
 * gets the chosen value, typed as one of the choices. The label goes around
 * it or beside it (`id`), as the form places it.
 */
export function ChoiceSelect<V extends string>({
  id,
  value,
  choices,
  onChange,
  className = "rounded border border-slate-300 px-2 py-1",
}: {
  id?: string;
  value: string;
  choices: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <select
      id={id}
      value={value}
      // The browser only offers the choices' values.
      onChange={(e) => onChange(e.target.value as V)}
      className={className}
    >
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
