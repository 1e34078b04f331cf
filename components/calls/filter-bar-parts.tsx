"use client";

import { Suspense, use, type ReactNode } from "react";
import { useFormat } from "@/components/ui/use-format";
import { ChoiceSelect } from "@/components/ui/choice-select";
import type { Facets } from "@/lib/call-records/query/facets";

/* The filter bar's building blocks: labelled fields, facet groups, their streamed counts and options. */

export function Facet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-40">
      <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{title}</legend>
      <div className="max-h-44 space-y-0.5 overflow-y-auto pr-2">{children}</div>
    </fieldset>
  );
}

export const countOf = (list: { value: string; count: number }[], value: string) =>
  list.find((f) => f.value === value)?.count ?? 0;

/** One count once the facets are in (≈ when they are estimates); a grey bar until then. */
export function FacetCount({ facets, pick }: { facets: Promise<Facets>; pick: (f: Facets) => number }) {
  return (
    <Suspense
      fallback={<span aria-hidden className="inline-block h-3 w-8 animate-pulse rounded bg-slate-200 align-middle" />}
    >
      <ResolvedCount facets={facets} pick={pick} />
    </Suspense>
  );
}

function ResolvedCount({ facets, pick }: { facets: Promise<Facets>; pick: (f: Facets) => number }) {
  const fmt = useFormat();
  const resolved = use(facets);
  return <>{fmt.count(pick(resolved), resolved.exact)}</>;
}

/**
 * The facet's options plus the selected values that no record has (a status
 * code typed into a link, say): kept visible, checked with a count of 0, so
 * the filter that empties the list can be seen and removed.
 */
export function keepSelected<O extends { key: string }>(options: O[], selected: O[]): O[] {
  const shown = new Set(options.map((o) => o.key));
  return [...options, ...selected.filter((o) => !shown.has(o.key))];
}

/** Options that exist only as facet values (statuses, intents), each with its count. */
export function FacetOptions<O extends { key: string; count: number }>({
  facets,
  pick,
  children,
}: {
  facets: Promise<Facets>;
  pick: (f: Facets) => O[];
  children: (option: O, count: string) => ReactNode;
}) {
  const fmt = useFormat();
  const resolved = use(facets);
  return <>{pick(resolved).map((o) => children(o, fmt.count(o.count, resolved.exact)))}</>;
}

/** Stand-in rows while the counts are computed; `label` (once per bar) tells screen readers why. */
export function OptionsPending({ label }: { label?: string }) {
  return (
    <div className="animate-pulse space-y-1.5 py-0.5">
      {label ? (
        <span role="status" className="sr-only">
          {label}
        </span>
      ) : null}
      {["w-4/5", "w-2/3", "w-3/4", "w-1/2"].map((width) => (
        <div key={width} aria-hidden className={`h-3.5 rounded bg-slate-200 ${width}`} />
      ))}
    </div>
  );
}

export function Check({
  checked,
  onChange,
  label,
  count,
  mono = false,
  title,
}: {
  checked: boolean;
  onChange: () => void;
  label: string;
  count: ReactNode;
  mono?: boolean;
  title?: string;
}) {
  return (
    <label className="flex items-center gap-2" title={title}>
      <input type="checkbox" checked={checked} onChange={onChange} className="h-3.5 w-3.5" />
      <span className={mono ? "font-mono text-xs" : ""}>{label}</span>
      <span className="ml-auto pl-2 text-xs tabular-nums text-slate-500">{count}</span>
    </label>
  );
}

export interface Reviewer {
  id: string;
  name: string;
}

export function ReviewerSelect({
  reviewers,
  value,
  label,
  anyone,
  onChange,
}: {
  reviewers: Promise<Reviewer[]>;
  value: string;
  label: string;
  anyone: string;
  onChange(id: string): void;
}) {
  const list = use(reviewers);
  if (!list.length) return null;
  return (
    <label className="mt-1 flex flex-col gap-0.5 text-xs text-slate-600">
      {label}
      <ChoiceSelect
        value={value}
        choices={[{ value: "", label: anyone }, ...list.map((r) => ({ value: r.id, label: r.name }))]}
        onChange={onChange}
        className="rounded border border-slate-300 px-1 py-0.5 text-sm text-slate-900"
      />
    </label>
  );
}
