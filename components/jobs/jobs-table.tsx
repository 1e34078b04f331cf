import Link from "next/link";
import { useTranslations } from "next-intl";
import type { JobMix, JobSummary } from "@/lib/jobs/data";
import { jobsHref, type JobSort } from "@/lib/jobs/params";
import { MixBar, MixLegend, mixColours, type MixPart } from "@/components/jobs/mix-bar";
import { useResultStatusLabel } from "@/components/calls/status-badge";
import { intentCode, intentText } from "@/lib/call-records/notation";
import { StackedDateTime } from "@/components/ui/stacked-date-time";
import type { JobName } from "@/lib/jobs/names";
import { useFormat } from "@/components/ui/use-format";
import { ResubmitJobFailuresButton } from "@/components/submissions/resubmit-job-button";
import { TableHead, Th } from "@/components/ui/table";

function SortHeader({
  label,
  sort,
  current,
  mode,
  className = "",
}: {
  label: string;
  sort: JobSort;
  current: JobSort;
  mode: "overview" | "submission";
  className?: string;
}) {
  // A new sort starts from its first page; the job id sorts up, the others down.
  const href = mode === "overview" ? jobsHref(sort) : `/submissions?sort=${sort}`;
  return (
    <th
      scope="col"
      className={`px-3 py-2 ${className}`}
      aria-sort={sort === current ? (sort === "job" ? "ascending" : "descending") : undefined}
    >
      <Link href={href} className={sort === current ? "text-slate-900 underline" : "hover:text-slate-900"}>
        {label}
      </Link>
    </th>
  );
}

/**
 * Submission progress as a stacked bar: accepted, rejected/failed, in progress, not submitted. `narrow`: as wide as
 * the overview's other bars, so that all its columns stay in sight.
 */
function ProgressBar({ job, narrow }: { job: JobSummary; narrow: boolean }) {
  const fmt = useFormat();
  const t = useTranslations("jobs.progress");
  const parts = [
    { n: job.accepted, cls: "bg-emerald-500", label: "accepted" },
    { n: job.rejected, cls: "bg-red-500", label: "rejected" },
    { n: job.pending, cls: "bg-sky-500", label: "inProgress" },
    { n: job.notSubmitted, cls: "bg-slate-200", label: "notSubmitted" },
  ] as const;
  const title = parts.map((p) => `${t(p.label)}: ${fmt.count(p.n)}`).join(", ");
  return (
    <div
      className={`flex h-2 ${narrow ? "w-28" : "w-40"} overflow-hidden rounded`}
      title={title}
      role="img"
      aria-label={title}
    >
      {parts.map((p) =>
        p.n ? <span key={p.label} className={p.cls} style={{ width: `${(p.n / job.total) * 100}%` }} /> : null,
      )}
    </div>
  );
}

export function JobsTable({
  jobs,
  sort,
  mode,
  canSubmit = false,
  mixes,
  names,
}: {
  jobs: JobSummary[];
  sort: JobSort;
  mode: "overview" | "submission";
  canSubmit?: boolean;
  mixes?: Map<string, JobMix>;
  /** The page's job names (robot_call_jobs). */
  names?: Map<string, JobName>;
}) {
  const fmt = useFormat();
  const t = useTranslations("jobs.table");
  const statusLabel = useResultStatusLabel();
  const statusParts = (id: string): MixPart[] =>
    (mixes?.get(id)?.byStatus ?? []).map((m) => ({ key: m.status, label: statusLabel(m.status), count: m.count }));
  const intentParts = (id: string): MixPart[] =>
    (mixes?.get(id)?.byIntent ?? []).map((m) => ({
      key: intentCode(m.tagId, m.code),
      label: intentText(m) ?? intentCode(m.tagId, m.code),
      count: m.count,
    }));
  const statusColours = mixColours(jobs.flatMap((j) => statusParts(j.jobId.toString())));
  const intentColours = mixColours(jobs.flatMap((j) => intentParts(j.jobId.toString())));
  return (
    <div className="space-y-2">
      {mode === "overview" && mixes ? (
        <div className="space-y-1 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
          <MixLegend title={t("statusMix")} legend={statusColours.legend} hasOther={statusColours.hasOther} />
          <MixLegend title={t("intentMix")} legend={intentColours.legend} hasOther={intentColours.hasOther} />
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{mode === "overview" ? t("captionOverview") : t("captionSubmission")}</caption>
          <TableHead>
            <tr>
              <SortHeader label={t("job")} sort="job" current={sort} mode={mode} />
              <SortHeader label={t("calls")} sort="total" current={sort} mode={mode} className="text-right" />
              {mode === "overview" ? (
                <>
                  <SortHeader
                    label={t("connected")}
                    sort="answered_rate"
                    current={sort}
                    mode={mode}
                    className="text-right"
                  />
                  <Th align="right">{t("avgTalk")}</Th>
                  <Th align="right">{t("reviewed")}</Th>
                  <Th>{t("statusMix")}</Th>
                  <Th>{t("intentMix")}</Th>
                </>
              ) : (
                <>
                  <Th align="right">{t("accepted")}</Th>
                  <Th align="right">{t("rejected")}</Th>
                  <Th align="right">{t("inProgress")}</Th>
                  <Th align="right">{t("notSubmitted")}</Th>
                </>
              )}
              <Th>{t("submission")}</Th>
              <Th>{t("firstCall")}</Th>
              <SortHeader label={t("lastCall")} sort="last_call" current={sort} mode={mode} />
            </tr>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {jobs.map((j) => {
              const id = j.jobId.toString();
              return (
                <tr key={id} className="hover:bg-slate-50" data-testid="job-row">
                  <td className="px-3 py-2 text-xs">
                    <Link
                      href={mode === "overview" ? `/jobs/${id}` : `/calls?job=${id}`}
                      className="text-sky-700 hover:underline"
                    >
                      {names?.get(id)?.name ? (
                        <span className="mr-1 text-sm" data-testid="job-name">
                          {names.get(id)!.name}
                        </span>
                      ) : null}
                      <span className="font-mono">{names?.get(id)?.name ? `(${id})` : id}</span>
                    </Link>
                    {names?.get(id)?.creditor ? (
                      <span className="block text-[11px] text-slate-500">{names.get(id)!.creditor}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{fmt.count(j.total)}</td>
                  {mode === "overview" ? (
                    <>
                      <td className="px-3 py-2 text-right tabular-nums">{fmt.percent(j.answered, j.total)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{fmt.duration(j.avgTalkSeconds)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{fmt.percent(j.reviewed, j.total)}</td>
                      <td className="px-3 py-2">
                        <MixBar title={t("statusMix")} parts={statusParts(id)} colourOf={statusColours.colourOf} />
                      </td>
                      <td className="px-3 py-2">
                        <MixBar title={t("intentMix")} parts={intentParts(id)} colourOf={intentColours.colourOf} />
                      </td>
                    </>
                  ) : (
                    <>
                      <td className="px-3 py-2 text-right tabular-nums">
                        <Link className="hover:underline" href={`/calls?job=${id}&submission=accepted`}>
                          {fmt.count(j.accepted)}
                        </Link>
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">
                        <Link
                          className="hover:underline"
                          href={`/calls?job=${id}&submission=rejected&submission=failed`}
                        >
                          {fmt.count(j.rejected)}
                        </Link>
                        {canSubmit ? (
                          <div>
                            <ResubmitJobFailuresButton jobId={id} failures={j.rejected} />
                          </div>
                        ) : null}
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">{fmt.count(j.pending)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">
                        <Link className="hover:underline" href={`/calls?job=${id}&submission=not_submitted`}>
                          {fmt.count(j.notSubmitted)}
                        </Link>
                      </td>
                    </>
                  )}
                  <td className="px-3 py-2">
                    <ProgressBar job={j} narrow={mode === "overview"} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    <StackedDateTime value={j.firstCall} fmt={fmt} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    <StackedDateTime value={j.lastCall} fmt={fmt} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
