import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";

export interface MixPart {
  key: string;
  label: string;
  count: number;
}

// Distinct, colour-blind-friendlier hues for the largest parts; the tail shares grey.
const PALETTE = ["bg-emerald-500", "bg-sky-500", "bg-amber-400", "bg-violet-500", "bg-rose-500", "bg-teal-400"];
const OTHER = "bg-slate-300";

/**
 * One colour per value across a whole table (the values most frequent on the
 * page first), so that a colour means the same in every row and a legend can
 * name it; the rest share grey.
 */
export function mixColours(parts: readonly MixPart[]): {
  colourOf: (key: string) => string;
  legend: { key: string; label: string; colour: string }[];
  hasOther: boolean;
} {
  const totals = new Map<string, { label: string; count: number }>();
  for (const p of parts) {
    const t = totals.get(p.key);
    totals.set(p.key, { label: p.label, count: (t?.count ?? 0) + p.count });
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const legend = ranked.slice(0, PALETTE.length).map(([key, v], i) => ({ key, label: v.label, colour: PALETTE[i]! }));
  const colours = new Map(legend.map((l) => [l.key, l.colour]));
  return { colourOf: (key) => colours.get(key) ?? OTHER, legend, hasOther: ranked.length > PALETTE.length };
}

/** A job's distribution (result status or intent) as one stacked bar, named in full for screen readers and on hover. */
export function MixBar({
  parts,
  title,
  colourOf,
}: {
  parts: MixPart[];
  title: string;
  colourOf: (key: string) => string;
}) {
  const fmt = useFormat();
  const total = parts.reduce((sum, p) => sum + p.count, 0);
  if (total === 0) return <span className="text-slate-400">–</span>;
  const label = `${title}: ${parts.map((p) => `${p.label} ${fmt.count(p.count)} (${fmt.percent(p.count, total)})`).join(", ")}`;
  return (
    <div className="flex h-2 w-28 overflow-hidden rounded bg-slate-100" title={label} role="img" aria-label={label}>
      {parts.map((p) => (
        <span key={p.key} className={colourOf(p.key)} style={{ width: `${(p.count / total) * 100}%` }} />
      ))}
    </div>
  );
}

/** What each colour of a column of mix bars stands for. */
export function MixLegend({
  title,
  legend,
  hasOther,
}: {
  title: string;
  legend: { key: string; label: string; colour: string }[];
  hasOther: boolean;
}) {
  const t = useTranslations("views.legend");
  if (legend.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700" data-testid="mix-legend">
      <span className="font-medium">{title}:</span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {legend.map((l) => (
          <li key={l.key} className="flex items-center gap-1">
            <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-sm ${l.colour}`} />
            {l.label}
          </li>
        ))}
        {hasOther ? (
          <li className="flex items-center gap-1">
            <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-sm ${OTHER}`} />
            {t("other")}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
