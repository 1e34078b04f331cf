import type { Formatter } from "./format";

/**
 * An instant as its date with the time of day below it, for table columns
 * that hold several of them: on one line each, they pushed the last columns
 * out of sight on the widest tables.
 */
export function StackedDateTime({ value, fmt }: { value: Date | string | null; fmt: Formatter }) {
  if (!value) return <>–</>;
  const instant = new Date(value);
  return (
    <time dateTime={instant.toISOString()}>
      <span className="block">{fmt.date(instant)}</span>
      <span className="block text-xs text-slate-500">{fmt.time(instant)}</span>
    </time>
  );
}
