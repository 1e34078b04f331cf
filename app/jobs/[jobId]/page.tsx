import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BarList, Columns } from "@/components/jobs/bar-list";
import { StatCard } from "@/components/ui/stat-card";
import { getFormat } from "@/components/ui/get-format";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { getJobDetail } from "@/lib/jobs/data";
import { intentCode, intentText, isKnownResultStatus } from "@/lib/call-records/notation";
import { getJobName, jobCallingHours } from "@/lib/jobs/names";
import { can } from "@/lib/auth/permissions";
import { JobNameEditor } from "@/components/jobs/job-name-editor";
import { DownloadEvidence } from "@/components/evidence/download-evidence";
import { zonedToday } from "@/lib/time/zoned";
import { complianceCounts } from "@/lib/compliance/data";
import { ComplianceCountsView } from "@/components/compliance/compliance-counts";
import { JobScores } from "@/components/quality/job-scores";
import { jobScoreSummary } from "@/lib/quality/data";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  const named =
    /^\d{1,19}$/.test(jobId) && BigInt(jobId) <= 9223372036854775807n ? await getJobName(BigInt(jobId)) : null;
  return {
    title: (await getTranslations("jobs"))("jobTitle", { id: named?.name ? `${named.name} (${jobId})` : jobId }),
  };
}

export default async function JobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const fmt = await getFormat();
  const t = await getTranslations("jobs");
  const tk = await getTranslations("compliance");
  const ts = await getTranslations("views.resultStatus");
  const tv = await getTranslations("views.job");
  const user = await requireUser("calls:read");
  const { jobId } = await params;
  if (!/^\d{1,19}$/.test(jobId) || BigInt(jobId) > 9223372036854775807n) notFound();
  const env = getEnv();
  const timeZone = env.DISPLAY_TIME_ZONE;
  const [job, named, compliance, hours, scores] = await Promise.all([
    getJobDetail(BigInt(jobId), timeZone),
    getJobName(BigInt(jobId)),
    complianceCounts(BigInt(jobId)),
    jobCallingHours(BigInt(jobId)),
    jobScoreSummary(BigInt(jobId)),
  ]);
  if (!job) notFound();
  const s = job.summary;
  const calls = (extra = "") => `/calls?job=${jobId}${extra}`;
  const kpis = [
    { label: t("kpi.calls"), value: fmt.count(s.total), href: calls() },
    {
      label: t("kpi.connected"),
      value: fmt.percent(s.answered, s.total),
      hint: t("kpi.answered", { count: fmt.count(s.answered) }),
      href: calls("&status=ANSWERED"),
    },
    { label: t("kpi.avgTalk"), value: <span data-testid="avg-talk">{fmt.duration(s.avgTalkSeconds, "long")}</span> },
    {
      label: t("kpi.accepted"),
      value: fmt.count(s.accepted),
      hint: t("kpi.rejected", { count: fmt.count(s.rejected) }),
      href: calls("&submission=accepted"),
    },
    {
      label: t("kpi.reviewed"),
      value: fmt.percent(s.reviewed, s.total),
      hint: t("kpi.flagged", { count: fmt.count(s.flagged) }),
      href: calls("&review=passed&review=flagged"),
    },
    {
      label: t("kpi.flaggedShare"),
      value: fmt.percent(s.flagged, s.reviewed),
      hint: t("kpi.flaggedOfReviewed", { count: fmt.count(s.flagged) }),
      href: calls("&review=flagged"),
    },
  ];
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <BackLink href="/jobs">{t("back")}</BackLink>
        <h1 className="text-xl font-semibold tracking-tight">
          {named?.name ? <span data-testid="job-heading-name">{named.name} </span> : null}
          {t.rich("heading", { id: jobId, mono: (chunks) => <span className="font-mono">{chunks}</span> })}
        </h1>
        {named?.creditor ? (
          <span className="text-sm text-slate-600">{tv("creditorLine", { creditor: named.creditor })}</span>
        ) : null}
        <span className="text-sm text-slate-500">
          {t("range", { first: fmt.dateTime(s.firstCall), last: fmt.dateTime(s.lastCall), timeZone })}
        </span>
      </header>
      {named?.note ? (
        <p className="whitespace-pre-wrap text-sm text-slate-700" data-testid="job-note">
          {named.note}
        </p>
      ) : null}
      <p className="text-sm text-slate-700" data-testid="job-calling-hours">
        {hours
          ? tv("callingHoursOwn", { hours, timeZone })
          : tv("callingHoursDefault", { hours: env.COMPLIANCE_CALLING_HOURS, timeZone })}
      </p>
      {can(user.role, "jobs:name") ? (
        <JobNameEditor
          jobId={jobId}
          initial={{
            name: named?.name ?? "",
            creditor: named?.creditor ?? "",
            note: named?.note ?? "",
            callingHours: hours ?? "",
          }}
          defaultHours={env.COMPLIANCE_CALLING_HOURS}
          timeZone={timeZone}
        />
      ) : null}
      {can(user.role, "evidence:export") && s.lastCall ? (
        <DownloadEvidence
          action={`/api/jobs/${jobId}/evidence`}
          day={zonedToday(s.lastCall, timeZone)}
          timeZone={timeZone}
        />
      ) : null}
      <div className="grid grid-cols-2 gap-4 md:grid-cols-6">
        {kpis.map((kpi) => (
          <StatCard key={kpi.label} {...kpi} />
        ))}
      </div>
      <ComplianceCountsView
        counts={compliance}
        query={`job=${jobId}`}
        title={tk("job.flagged")}
        scope={tk("counts.scopeJob")}
      />
      <JobScores jobId={jobId} stats={scores} qualityLink={can(user.role, "quality:read")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Columns
          title={t("charts.byHour", { timeZone })}
          bars={job.byHour.map((h) => ({
            key: String(h.hour),
            label: `${String(h.hour).padStart(2, "0")}:00`,
            count: h.count,
          }))}
        />
        <Columns
          title={t("charts.byDay")}
          bars={job.byDay.map((d) => ({
            key: d.day,
            label: fmt.day(d.day),
            count: d.count,
            href: calls(`&from=${d.day}&to=${d.day}`),
          }))}
        />
        <BarList
          title={t("charts.resultStatus")}
          bars={job.byStatus.map((b) => ({
            key: b.status,
            label: isKnownResultStatus(b.status) ? ts(b.status) : b.status,
            title: b.status,
            count: b.count,
            mono: !isKnownResultStatus(b.status),
            href: calls(`&status=${encodeURIComponent(b.status)}`),
          }))}
        />
        <BarList
          title={t("charts.talkTime")}
          bars={job.durations.map((d) => ({
            key: d.label,
            label: t.has(`buckets.${d.min}` as never) ? t(`buckets.${d.min}` as never) : d.label,
            count: d.count,
            href: calls(`&status=ANSWERED&minDuration=${d.min}${d.max === null ? "" : `&maxDuration=${d.max}`}`),
          }))}
        />
        <BarList
          title={t("charts.intent")}
          bars={job.byIntent.map((i) => ({
            key: `${i.tagId}:${i.code}`,
            label: intentText(i) ?? intentCode(i.tagId, i.code),
            count: i.count,
            href: calls(`&intent=${i.tagId}:${i.code}`),
          }))}
        />
      </div>
    </div>
  );
}
