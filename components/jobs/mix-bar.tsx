import { useFormat } from "@/components/ui/use-format";

export interface MixPart {
  key: string;
  label: string;
  count: number;
}

// Distinct, colour-blind-friendlier hues for the largest parts; the tail shares grey.
const PALETTE = ["bg-emerald-500", "bg-sky-500", "bg-amber-400", "bg-violet-500", "bg-rose-500", "bg-teal-400"];

/** A job's distribution (result status or intent) as one stacked bar, named in full for screen readers and on hover. */
export function MixBar({ parts, title }: { parts: MixPart[]; title: string }) {
  const fmt = useFormat();
  const total = parts.reduce((sum, p) => sum + p.count, 0);
  if (total === 0) return <span className="text-slate-400">–</span>;
  const label = `${title}: ${parts.map((p) => `${p.label} ${fmt.count(p.count)} (${fmt.percent(p.count, total)})`).join(", ")}`;
  return (
    <div className="flex h-2 w-28 overflow-hidden rounded bg-slate-100" title={label} role="img" aria-label={label}>
      {parts.map((p, i) => (
        <span key={p.key} className={PALETTE[i] ?? "bg-slate-300"} style={{ width: `${(p.count / total) * 100}%` }} />
      ))}
    </div>
  );
}
