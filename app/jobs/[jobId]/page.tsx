import Link from "next/link";
import { notFound } from "next/navigation";
import { BarList, Columns } from "@/components/jobs/bar-list";
import { StatCard } from "@/components/ui/stat-card";
import { getFormat } from "@/components/ui/get-format";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { getJobDetail } from "@/lib/jobs/data";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ jobId: string }> }) {
  return { title: `Job ${(await params).jobId}` };
}

export default async function JobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const fmt = await getFormat();
  await requireUser("calls:read");
  const { jobId } = await params;
  if (!/^\d{1,19}$/.test(jobId) || BigInt(jobId) > 9223372036854775807n) notFound();
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  const job = await getJobDetail(BigInt(jobId), timeZone);
  if (!job) notFound();
  const s = job.summary;
  const calls = (extra = "") => `/calls?job=${jobId}${extra}`;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline gap-3">
        <Link href="/jobs" className="text-sm text-sky-700 hover:underline">← Jobs</Link>
        <h1 className="text-xl font-semibold tracking-tight">Job <span className="font-mono">{jobId}</span></h1>
        <span className="text-sm text-slate-500">
          {s.firstCall ? fmt.dateTime(s.firstCall) : "–"} → {s.lastCall ? fmt.dateTime(s.lastCall) : "–"} ({timeZone})
        </span>
      </header>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-6">
        <StatCard label="Calls" value={fmt.count(s.total)} href={calls()} />
        <StatCard label="Connected" value={fmt.percent(s.answered, s.total)} hint={`${fmt.count(s.answered)} answered`} href={calls("&status=ANSWERED")} />
        <StatCard label="Average talk time" value={s.avgTalkSeconds === null ? "–" : fmt.duration(Math.round(s.avgTalkSeconds))} />
        <StatCard label="Accepted by TOP" value={fmt.count(s.accepted)} hint={`${fmt.count(s.rejected)} rejected or failed`} href={calls("&submission=accepted")} />
        <StatCard label="Reviewed" value={fmt.percent(s.reviewed, s.total)} hint={`${fmt.count(s.reviewed)} of ${fmt.count(s.total)}`} href={calls("&review=passed&review=flagged")} />
        <StatCard label="Flagged" value={fmt.percent(s.flagged, s.reviewed)} hint={`${fmt.count(s.flagged)} of the reviewed`} href={calls("&review=flagged")} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Columns title={`Calls by hour of day (${timeZone})`} bars={job.byHour.map((h) => ({ key: String(h.hour), label: `${String(h.hour).padStart(2, "0")}:00`, count: h.count }))} />
        <Columns title="Calls per day" bars={job.byDay.map((d) => ({ key: d.day, label: d.day, count: d.count, href: calls(`&from=${d.day}&to=${d.day}`) }))} />
        <BarList title="Result status" bars={job.byStatus.map((b) => ({ key: b.status, label: b.status, count: b.count, mono: true, href: calls(`&status=${encodeURIComponent(b.status)}`) }))} />
        <BarList
          title="Talk time of answered calls"
          bars={job.durations.map((d) => ({ key: d.label, label: d.label, count: d.count, href: calls(`&status=ANSWERED&minDuration=${d.min}${d.max === null ? "" : `&maxDuration=${d.max}`}`) }))}
        />
        <BarList
          title="Intent (tag group · level)"
          bars={job.byIntent.map((i) => ({ key: `${i.tagId}:${i.code}`, label: `${i.name ?? `#${i.code}`} · ${i.tagId}:${i.code}`, count: i.count, href: calls(`&intent=${i.tagId}:${i.code}`) }))}
        />
      </div>
    </div>
  );
}
