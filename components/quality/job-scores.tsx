import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/components/ui/get-format";
import { TitledSectionWithAside } from "@/components/ui/titled-section";
import type { ScoreStats } from "@/lib/quality/data";

/**
 * A job's scores: its calls' current reviews, any day. The counts link to
 * exactly those calls in /calls (minScore=0: every scored call); the link to
 * /quality is shown to those who may open it.
 */
export async function JobScores({
  jobId,
  stats,
  qualityLink,
}: {
  jobId: string;
  stats: ScoreStats;
  qualityLink: boolean;
}) {
  const [t, fmt] = await Promise.all([getTranslations("quality.jobBlock"), getFormat()]);
  const calls = (q: string) => `/calls?job=${jobId}&${q}`;
  const LINK = "underline decoration-slate-300 hover:decoration-current";
  return (
    <TitledSectionWithAside
      id="job-scores"
      title={t("title")}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      headerClassName="flex flex-wrap items-baseline justify-between gap-2"
      testId="job-scores"
      aside={
        qualityLink ? (
          <Link href={`/quality?job=${jobId}`} className="text-sm text-sky-700 hover:underline">
            {t("more")} →
          </Link>
        ) : null
      }
    >
      <p className="text-xs text-slate-500">{t("note")}</p>
      {stats.scored === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <dl className="mt-3 grid grid-cols-3 gap-4 text-sm">
          <div>
            <dt className="text-slate-500">{t("scored")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-stat="scored">
              <Link href={calls("minScore=0")} className={LINK}>
                {fmt.count(stats.scored)}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("average")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-stat="average">
              {stats.average === null ? "–" : fmt.mean(stats.average)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("criticalFailures")}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-stat="critical">
              <Link href={calls("critical=failed")} className={LINK}>
                {fmt.count(stats.criticalFailures)}
              </Link>{" "}
              <span className="text-xs font-normal text-slate-500">
                ({fmt.percent(stats.criticalFailures, stats.scored)})
              </span>
            </dd>
          </div>
        </dl>
      )}
    </TitledSectionWithAside>
  );
}
