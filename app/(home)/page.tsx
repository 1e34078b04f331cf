import { getTranslations } from "next-intl/server";
import { SummaryView } from "@/components/dashboard/summary-view";
import { getDashboardSummary } from "@/lib/dashboard/data";
import { complianceCounts } from "@/lib/compliance/data";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  await requireUser("calls:read");
  const [summary, compliance] = await Promise.all([getDashboardSummary(), complianceCounts()]);
  const t = await getTranslations("dashboard");
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <SummaryView summary={summary} compliance={compliance} timeZone={getEnv().DISPLAY_TIME_ZONE} />
    </div>
  );
}
