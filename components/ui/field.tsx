import type { ReactNode } from "react";

/**
 * The console's labelled values. `DetailItem` is one term of a description
 * list: stacked (a small label over the value) or as a row (label column,
 * value column), with the wire name under the label where the value is a
 * reported field. `LabeledField` wraps a form control with its label.
 */
export function DetailItem({
  label,
  wire,
  layout = "stacked",
  children,
}: {
  label: string;
  wire?: string;
  layout?: "stacked" | "row";
  children: ReactNode;
}) {
  if (layout === "stacked")
    return (
      <div>
        <dt className="text-xs text-slate-500">{label}</dt>
        <dd>{children}</dd>
      </div>
    );
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-3 border-b border-slate-100 py-2 text-sm last:border-0">
      <dt className="text-slate-500">
        {label}
        {wire ? <span className="block font-mono text-[11px] text-slate-500">{wire}</span> : null}
      </dt>
      <dd className="min-w-0 break-words">{children ?? <span className="text-slate-500">–</span>}</dd>
    </div>
  );
}

export function LabeledField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <span className="text-sm text-slate-900">{children}</span>
    </label>
  );
}
