import { getTranslations } from "next-intl/server";
import { ReportRangeFilter } from "@/components/ui/report-range-filter";
import { QualityTables } from "@/components/quality/tables";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { scoresByJob, scoresByReviewer, scoresByWeek, scoreTotals } from "@/lib/quality/data";
import { parseQualityParams } from "@/lib/quality/schema";
import type { SearchParams } from "@/components/ui/page-props";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("quality"))("title") };
}

/** Scorecard scores by week, job and reviewer over a range of days (docs/quality.md). */
export default async function QualityPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser("quality:read");
  const zone = getEnv().DISPLAY_TIME_ZONE;
  const { range, errors } = parseQualityParams(await searchParams, zone);
  const [totals, weeks, jobs, reviewers, t] = await Promise.all([
    scoreTotals(range, zone),
    scoresByWeek(range, zone),
    scoresByJob(range, zone),
    scoresByReviewer(range, zone),
    getTranslations("quality"),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("intro", { from: range.from, to: range.to, zone })}</p>
      <ReportRangeFilter namespace="quality" action="/quality" range={range} errors={errors} />
      <QualityTables totals={totals} weeks={weeks} jobs={jobs} reviewers={reviewers} scopeJobs={range.job} />
    </div>
  );
}
