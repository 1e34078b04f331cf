import { getTranslations } from "next-intl/server";
import { ReportRangeFilter } from "@/components/ui/report-range-filter";
import { ReconciliationTable } from "@/components/reconciliation/table";
import { ReconciliationGaps } from "@/components/reconciliation/gaps";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { parseReconciliationParams } from "@/lib/reconciliation/schema";
import { configuredReport } from "@/lib/reconciliation/report";
import type { SearchParams } from "@/components/ui/page-props";
import { secondaryButton } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("reconciliation"))("title") };
}

export default async function ReconciliationPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser("reconciliation:read");
  const env = getEnv();
  const { query, errors } = parseReconciliationParams(await searchParams, env.DISPLAY_TIME_ZONE);
  const [report, t] = await Promise.all([configuredReport(query, env), getTranslations("reconciliation")]);
  const params = new URLSearchParams({ from: query.from, to: query.to });
  for (const j of query.job) params.append("job", j.toString());
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        <div className="flex gap-2">
          <a href={`/api/reconciliation/export?${params.toString()}`} download className={secondaryButton}>
            {t("exportCsv")}
          </a>
          <a href={`/api/reconciliation/export/xlsx?${params.toString()}`} download className={secondaryButton}>
            {t("exportXlsx")}
          </a>
        </div>
      </div>
      <p className="text-sm text-slate-600">
        {t("intro", { hours: env.RECONCILE_OVERDUE_HOURS, zone: env.DISPLAY_TIME_ZONE })}
      </p>
      <ReportRangeFilter namespace="reconciliation" action="/reconciliation" range={query} errors={errors} />
      <ReconciliationTable report={report} />
      <ReconciliationGaps report={report} />
    </div>
  );
}
