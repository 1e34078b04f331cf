import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DashboardSummary } from "@/lib/dashboard/data";
import { StatCard } from "@/components/ui/stat-card";
import { useFormat } from "@/components/ui/use-format";
import { ComplianceCountsView } from "@/components/compliance/compliance-counts";
import type { ComplianceCounts } from "@/lib/compliance/data";
import { SUBMISSION_STATES } from "@/lib/call-records/query/filter-values";
import { Panel } from "@/components/ui/panel";
import { TitledSection } from "@/components/ui/titled-section";

/** The submission states the dashboard counts: the list filter's, in its order. */
const COUNTED_STATES: readonly (keyof DashboardSummary["bySubmission"])[] = SUBMISSION_STATES;

export function SummaryView({
  summary,
  compliance,
  timeZone,
}: {
  summary: DashboardSummary;
  compliance: ComplianceCounts;
  timeZone: string;
}) {
  const t = useTranslations("dashboard");
  const tk = useTranslations("compliance");
  const tc = useTranslations("common");
  const fmt = useFormat();
  const total = summary.records.value;
  if (total === 0) {
    return (
      <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="text-lg font-semibold">{t("empty.title")}</h2>
        <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
          {t.rich("empty.body", { code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}
        </p>
      </section>
    );
  }
  const maxStatus = Math.max(...summary.byResultStatus.map((s) => s.count), 1);
  return (
    <div className="space-y-8">
      <TitledSection id="totals" title={t("totals")} className="space-y-3" titleClassName="sr-only">
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <StatCard
            label={t("records")}
            value={<span data-testid="count-records">{fmt.count(total, summary.records.exact)}</span>}
            href="/calls"
          />
          <StatCard
            label={t("jobs")}
            value={<span data-testid="count-jobs">{fmt.count(summary.jobs)}</span>}
            href="/jobs"
          />
          <StatCard
            label={t("last24h")}
            value={fmt.count(summary.receivedLast24h.value, summary.receivedLast24h.exact)}
          />
          <StatCard
            label={t("withAudio")}
            value={fmt.count(summary.withAudio)}
            hint={fmt.percent(summary.withAudio, total)}
            href="/calls?audio=true"
          />
        </div>
        <p className="text-xs text-slate-500" data-testid="last-received">
          {t("lastReceived", {
            when: summary.lastReceivedAt ? fmt.dateTime(summary.lastReceivedAt) : tc("never"),
            timeZone,
          })}
        </p>
      </TitledSection>

      <Panel id="submission" title={t("submission")}>
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {COUNTED_STATES.map((state) => (
            <li key={state}>
              <Link
                href={`/calls?submission=${state}`}
                className="block rounded border border-slate-100 p-2 hover:border-sky-300"
              >
                <div className="text-xs text-slate-500">{tc(`submission.${state}`)}</div>
                <div className="text-lg font-semibold tabular-nums" data-testid={`submission-${state}`}>
                  {fmt.count(summary.bySubmission[state])}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      </Panel>

      <ComplianceCountsView counts={compliance} query="" title={tk("dashboard.title")} scope={tk("counts.scopeAll")} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="status" title={t("resultStatus")}>
          <ul className="mt-3 space-y-1.5">
            {summary.byResultStatus.map((s) => (
              <li key={s.status}>
                <Link
                  href={`/calls?status=${encodeURIComponent(s.status)}`}
                  className="grid grid-cols-[10rem_1fr_5rem] items-center gap-3 text-sm hover:text-sky-800"
                >
                  <span className="truncate font-mono text-xs">{s.status}</span>
                  <span className="h-2 rounded bg-slate-100" aria-hidden>
                    <span
                      className="block h-2 rounded bg-sky-600"
                      style={{ width: `${(s.count / maxStatus) * 100}%` }}
                    />
                  </span>
                  <span className="text-right tabular-nums">{fmt.count(s.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel id="review" title={t("review")}>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
            {(["unreviewed", "passed", "flagged"] as const).map((state) => (
              <div key={state} className="rounded border border-slate-100 p-2">
                <dt className="text-xs text-slate-500">{tc(`review.${state}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{fmt.count(summary.byReview[state])}</dd>
              </div>
            ))}
          </dl>
        </Panel>
      </div>
    </div>
  );
}
