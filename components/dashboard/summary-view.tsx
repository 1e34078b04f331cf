import Link from "next/link";
import type { DashboardSummary } from "@/lib/dashboard/data";
import { StatCard } from "@/components/ui/stat-card";
import { formatCount, formatDateTime, formatPercent } from "@/components/ui/format";

const SUBMISSION_LABELS: Record<keyof DashboardSummary["bySubmission"], string> = {
  not_submitted: "Not submitted",
  queued: "Queued",
  in_flight: "In flight",
  accepted: "Accepted",
  rejected: "Rejected",
  retrying: "Retrying",
  failed: "Failed",
};

export function SummaryView({ summary, timeZone }: { summary: DashboardSummary; timeZone: string }) {
  const total = summary.records.value;
  if (total === 0) {
    return (
      <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="text-lg font-semibold">No call records yet</h2>
        <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
          Robot platforms push records to <code className="rounded bg-slate-100 px-1">POST /api/v1/call-records</code> with the
          ingest token, or load a file with <code className="rounded bg-slate-100 px-1">npm run import -- records.csv</code>.
        </p>
      </section>
    );
  }
  const maxStatus = Math.max(...summary.byResultStatus.map((s) => s.count), 1);
  return (
    <div className="space-y-8">
      <section aria-labelledby="totals" className="space-y-3">
        <h2 id="totals" className="sr-only">Totals</h2>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <StatCard label="Call records" value={<span data-testid="count-records">{formatCount(total, summary.records.exact)}</span>} href="/calls" />
          <StatCard label="Jobs" value={<span data-testid="count-jobs">{formatCount(summary.jobs)}</span>} href="/jobs" />
          <StatCard label="Received in the last 24 h" value={formatCount(summary.receivedLast24h.value, summary.receivedLast24h.exact)} />
          <StatCard label="With a recording" value={formatCount(summary.withAudio)} hint={formatPercent(summary.withAudio, total)} href="/calls?audio=true" />
        </div>
        <p className="text-xs text-slate-500">
          Last record received {summary.lastReceivedAt ? formatDateTime(summary.lastReceivedAt, timeZone) : "never"} ({timeZone})
        </p>
      </section>

      <section aria-labelledby="submission" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="submission" className="font-semibold">Submission to TOP</h2>
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {Object.entries(SUBMISSION_LABELS).map(([state, label]) => (
            <li key={state}>
              <Link href={`/calls?submission=${state}`} className="block rounded border border-slate-100 p-2 hover:border-sky-300">
                <div className="text-xs text-slate-500">{label}</div>
                <div className="text-lg font-semibold tabular-nums" data-testid={`submission-${state}`}>
                  {formatCount(summary.bySubmission[state as keyof typeof SUBMISSION_LABELS])}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="status" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="status" className="font-semibold">Result status</h2>
          <ul className="mt-3 space-y-1.5">
            {summary.byResultStatus.map((s) => (
              <li key={s.status}>
                <Link href={`/calls?status=${encodeURIComponent(s.status)}`} className="grid grid-cols-[10rem_1fr_5rem] items-center gap-3 text-sm hover:text-sky-800">
                  <span className="truncate font-mono text-xs">{s.status}</span>
                  <span className="h-2 rounded bg-slate-100" aria-hidden>
                    <span className="block h-2 rounded bg-sky-600" style={{ width: `${(s.count / maxStatus) * 100}%` }} />
                  </span>
                  <span className="text-right tabular-nums">{formatCount(s.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="review" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="review" className="font-semibold">Review</h2>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
            {(["unreviewed", "passed", "flagged"] as const).map((state) => (
              <div key={state} className="rounded border border-slate-100 p-2">
                <dt className="text-xs capitalize text-slate-500">{state}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatCount(summary.byReview[state])}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}
