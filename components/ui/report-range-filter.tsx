import { getTranslations } from "next-intl/server";
import { DateRangeJobFilter } from "./date-range-job-filter";
import { ParamErrors } from "./param-errors";

/**
 * A report page's range and jobs (quality, reconciliation): the notice for
 * the parameters it ignored, then the filter, both in the page's own words.
 */
export async function ReportRangeFilter({
  namespace,
  action,
  range,
  errors,
}: {
  namespace: "quality" | "reconciliation";
  action: string;
  range: { from: string; to: string; job: readonly { toString(): string }[] };
  errors: readonly { param: string; message: string; value?: string }[];
}) {
  const t = await getTranslations(namespace);
  return (
    <>
      <ParamErrors title={t("invalid")} errors={errors} />
      <DateRangeJobFilter
        action={action}
        from={range.from}
        to={range.to}
        job={range.job.map(String).join(" ")}
        labels={{ from: t("from"), to: t("to"), job: t("job"), allJobs: t("allJobs"), apply: t("apply") }}
      />
    </>
  );
}
