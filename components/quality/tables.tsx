import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { getFormat } from "@/components/ui/get-format";
import { StatCard } from "@/components/ui/stat-card";
import { ColumnsHead } from "@/components/ui/columns-head";
import { callFiltersToSearchParams } from "@/lib/call-records/query/filter-params";
import type { CallFilters } from "@/lib/call-records/query/filters";
import type { Formatter } from "@/components/ui/format";
import type { JobScores, ReviewerScores, ScoreStats, WeekScores } from "@/lib/quality/data";

/** A /calls link: every scored call of the scope (minScore=0), or its critical failures. */
function callsHref(scope: Partial<CallFilters>, critical: boolean): string {
  return `/calls?${callFiltersToSearchParams({ ...scope, ...(critical ? { critical: "failed" } : { minScore: 0 }) })}`;
}

const LINK = "underline decoration-slate-300 hover:decoration-current";

function StatCells({ s, fmt, scope }: { s: ScoreStats; fmt: Formatter; scope?: Partial<CallFilters> }) {
  const number = (value: number, critical: boolean): ReactNode =>
    scope && value > 0 ? (
      <Link href={callsHref(scope, critical)} className={LINK}>
        {fmt.count(value)}
      </Link>
    ) : (
      fmt.count(value)
    );
  return (
    <>
      <td className="px-3 py-1.5 text-right tabular-nums" data-stat="scored">
        {number(s.scored, false)}
      </td>
      <td className="px-3 py-1.5 text-right tabular-nums" data-stat="average">
        {s.average === null ? "–" : fmt.mean(s.average)}
      </td>
      <td className="px-3 py-1.5 text-right tabular-nums" data-stat="critical">
        {number(s.criticalFailures, true)}
      </td>
      <td className="px-3 py-1.5 text-right tabular-nums" data-stat="rate">
        {s.scored ? fmt.percent(s.criticalFailures, s.scored) : "–"}
      </td>
    </>
  );
}

/** A row of a table: what it counts (the row's header; `numeric`, a week) and its numbers. */
function ScoreRow({
  testId,
  stats,
  fmt,
  scope,
  numeric,
  children,
}: {
  testId: string;
  stats: ScoreStats;
  fmt: Formatter;
  scope?: Partial<CallFilters>;
  numeric?: boolean;
  children: ReactNode;
}) {
  return (
    <tr data-testid={testId}>
      <th scope="row" className={`px-3 py-1.5 text-left font-normal${numeric ? " tabular-nums" : ""}`}>
        {children}
      </th>
      <StatCells s={stats} fmt={fmt} scope={scope} />
    </tr>
  );
}

async function ScoreTable({ caption, first, children }: { caption: string; first: string; children: ReactNode }) {
  const t = await getTranslations("quality");
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold">{caption}</h2>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <ColumnsHead
            caption={caption}
            columns={[
              first,
              ...(["scored", "average", "criticalFailures", "criticalRate"] as const).map((c) => ({
                label: t(c),
                align: "right" as const,
              })),
            ]}
          />
          <tbody className="divide-y divide-slate-100">{children}</tbody>
        </table>
      </div>
    </section>
  );
}

/** The range's totals, then the tables by week, by job and by reviewer (or the empty state). */
export async function QualityTables({
  totals,
  weeks,
  jobs,
  reviewers,
  scopeJobs,
}: {
  totals: ScoreStats;
  weeks: WeekScores[];
  jobs: JobScores[];
  reviewers: ReviewerScores[];
  /** The page's job filter, kept in the reviewers' links. */
  scopeJobs: bigint[];
}) {
  const [t, fmt] = await Promise.all([getTranslations("quality"), getFormat()]);
  if (!totals.scored)
    return (
      <p
        className="rounded border border-slate-200 bg-white p-6 text-center text-sm text-slate-600"
        data-testid="quality-empty"
      >
        {t("empty")}
      </p>
    );
  return (
    <div className="space-y-6">
      <section aria-label={t("totals")} className="grid gap-3 sm:grid-cols-4" data-testid="quality-totals">
        <StatCard label={t("scored")} value={fmt.count(totals.scored)} />
        <StatCard label={t("average")} value={totals.average === null ? "–" : fmt.mean(totals.average)} />
        <StatCard label={t("criticalFailures")} value={fmt.count(totals.criticalFailures)} />
        <StatCard label={t("criticalRate")} value={fmt.percent(totals.criticalFailures, totals.scored)} />
      </section>
      <ScoreTable caption={t("byWeek")} first={t("week")}>
        {weeks.map((w) => (
          <ScoreRow key={w.week} testId="quality-week" stats={w} fmt={fmt} numeric>
            {w.week} <span className="text-xs text-slate-500">({t("weekOf", { monday: w.monday })})</span>
          </ScoreRow>
        ))}
      </ScoreTable>
      <ScoreTable caption={t("byJob")} first={t("jobColumn")}>
        {jobs.map((j) => (
          <ScoreRow key={j.jobId.toString()} testId="quality-job" stats={j} fmt={fmt} scope={{ job: [j.jobId] }}>
            <Link href={`/jobs/${j.jobId}`} className={LINK}>
              {j.jobName ? `${j.jobName} (${j.jobId})` : j.jobId.toString()}
            </Link>
          </ScoreRow>
        ))}
      </ScoreTable>
      <ScoreTable caption={t("byReviewer")} first={t("reviewer")}>
        {reviewers.map((r) => (
          <ScoreRow
            key={r.reviewerId.toString()}
            testId="quality-reviewer"
            stats={r}
            fmt={fmt}
            scope={{ job: scopeJobs, reviewer: [r.reviewerId] }}
          >
            {r.reviewerName}
          </ScoreRow>
        ))}
      </ScoreTable>
      <p className="text-xs text-slate-500">{t("linksNote")}</p>
    </div>
  );
}
