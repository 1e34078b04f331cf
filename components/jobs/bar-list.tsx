import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormat } from "@/components/ui/use-format";

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** Opens /calls filtered to this bar. */
  href?: string;
  mono?: boolean;
  /** Shown on hover (e.g. the wire code behind a label). */
  title?: string;
}

/** A chart's box and title. */
function ChartFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** What both charts draw with: the formatter, their texts and the largest count (at least 1), which a full bar stands for. */
function useChart(bars: Bar[]) {
  return {
    fmt: useFormat(),
    t: useTranslations("jobs.charts"),
    max: Math.max(1, ...bars.map((b) => b.count)),
  };
}

/** Horizontal bars; each one links to the calls it counts. */
export function BarList({ title, bars }: { title: string; bars: Bar[] }) {
  const { fmt, t, max } = useChart(bars);
  return (
    <ChartFrame title={title}>
      {bars.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("noData")}</p> : null}
      <ul className="mt-3 space-y-1">
        {bars.map((b) => {
          const inner = (
            <>
              <span className={`truncate ${b.mono ? "font-mono text-xs" : ""}`} title={b.title ?? b.label}>
                {b.label}
              </span>
              <span className="h-2 rounded bg-slate-100" aria-hidden>
                <span className="block h-2 rounded bg-sky-600" style={{ width: `${(b.count / max) * 100}%` }} />
              </span>
              <span className="text-right tabular-nums">{fmt.count(b.count)}</span>
            </>
          );
          const cls = "grid grid-cols-[9rem_1fr_4.5rem] items-center gap-3 text-sm";
          return (
            <li key={b.key}>
              {b.href ? (
                <Link href={b.href} className={`${cls} hover:text-sky-800`}>
                  {inner}
                </Link>
              ) : (
                <div className={cls}>{inner}</div>
              )}
            </li>
          );
        })}
      </ul>
    </ChartFrame>
  );
}

/** Vertical bars for a time series (hours of the day, days). */
export function Columns({ title, bars }: { title: string; bars: Bar[] }) {
  const { fmt, t, max } = useChart(bars);
  return (
    <ChartFrame title={title}>
      <div className="mt-3 flex gap-2">
        {/* The value axis: the top of the scale, its middle and zero. */}
        <div
          className="flex h-32 flex-col justify-between text-right text-[11px] tabular-nums text-slate-500"
          aria-hidden
          data-testid="chart-y-axis"
        >
          <span>{fmt.count(max)}</span>
          <span>{fmt.count(Math.round(max / 2))}</span>
          <span>0</span>
        </div>
        <div className="min-w-0 flex-1">
          <ol className="flex h-32 items-end gap-0.5 border-b border-l border-slate-200">
            {bars.map((b) => {
              const bar = (
                <span
                  className="block w-full rounded-t bg-sky-600"
                  style={{ height: `${Math.max(2, (b.count / max) * 100)}%` }}
                />
              );
              return (
                <li key={b.key} className="flex h-full flex-1 items-end" title={`${b.label}: ${fmt.count(b.count)}`}>
                  {b.href ? (
                    <Link
                      href={b.href}
                      aria-label={t("barCalls", { label: b.label, count: fmt.count(b.count) })}
                      className="flex h-full w-full items-end"
                    >
                      {bar}
                    </Link>
                  ) : (
                    <span className="sr-only">{`${b.label}: ${fmt.count(b.count)}`}</span>
                  )}
                  {b.href ? null : bar}
                </li>
              );
            })}
          </ol>
          {/* The time axis: a few labels spread along it, not only the ends. */}
          <div className="relative mt-1 h-4 text-xs text-slate-500" aria-hidden data-testid="chart-x-axis">
            {axisTicks(bars.length).map((i) => (
              <span
                key={i}
                className="absolute -translate-x-1/2 whitespace-nowrap"
                style={{ left: `calc(${((i + 0.5) / bars.length) * 100}% )` }}
              >
                {bars[i]?.label}
              </span>
            ))}
          </div>
        </div>
      </div>
    </ChartFrame>
  );
}

/** Up to five evenly spread bar indexes (first and last included) to label an axis with. */
export function axisTicks(n: number): number[] {
  if (n <= 0) return [];
  if (n <= 5) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / 4;
  return [...new Set(Array.from({ length: 5 }, (_, i) => Math.round(i * step)))];
}
