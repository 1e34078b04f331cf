import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CallsTable } from "@/components/calls/calls-table";
import { listCallRecords } from "@/lib/call-records/data";
import { parseCallFilters } from "@/lib/call-records/filters";
import { getDashboardSummary } from "@/lib/dashboard/data";
import { requireUser } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { getFormat } from "@/components/ui/get-format";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewPage() {
  const fmt = await getFormat();
  const t = await getTranslations();
  await requireUser("calls:read");
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  const queue = parseCallFilters({ review: "unreviewed", audio: "true", size: "25" }).filters;
  const [summary, page] = await Promise.all([getDashboardSummary(), listCallRecords(queue, timeZone)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t("review.title")}</h1>
      <dl className="grid grid-cols-3 gap-3 text-sm sm:max-w-lg">
        {(["unreviewed", "passed", "flagged"] as const).map((state) => (
          <div key={state} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-500">{t(`common.review.${state}`)}</dt>
            <dd className="text-lg font-semibold tabular-nums">
              <Link href={`/calls?review=${state}`} className="hover:underline">{fmt.count(summary.byReview[state])}</Link>
            </dd>
          </div>
        ))}
      </dl>
      <h2 className="font-semibold">{t("review.queue")}</h2>
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{t("review.empty")}</p>
      ) : (
        <CallsTable rows={page.rows} timeZone={timeZone} />
      )}
      {page.nextCursor ? (
        <Link href="/calls?review=unreviewed&audio=true" className="inline-block text-sm font-medium text-sky-700 hover:underline">{t("review.all")}</Link>
      ) : null}
    </div>
  );
}
