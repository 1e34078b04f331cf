import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CallsTable } from "@/components/calls/calls-table";
import { ReviewWorkbench } from "@/components/review/review-workbench";
import { EmptyState } from "@/components/ui/empty-state";
import { getFormat } from "@/components/ui/get-format";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { listCallRecords } from "@/lib/call-records/query/data";
import { FilterErrors } from "@/components/calls/filter-errors";
import { parseCallFilters } from "@/lib/call-records/query/filters";
import { callFiltersToSearchParams } from "@/lib/call-records/query/filter-params";
import { getDashboardSummary } from "@/lib/dashboard/data";
import { getEnv } from "@/lib/env";
import { intentOptions, listReasons } from "@/lib/review/data";
import { defaultQueueParams, queueParams } from "@/lib/review/queue";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * /review?<any /calls filter>: the review queue (default: unreviewed calls
 * with a recording from the last 7 days). Reviewers work through it one
 * record at a time; others see what waits.
 */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("calls:read");
  const t = await getTranslations("review");
  const tc = await getTranslations("common");
  const tk = await getTranslations("compliance");
  const tcal = await getTranslations("scorecards.calibration");
  const fmt = await getFormat();
  const env = getEnv();
  const timeZone = env.DISPLAY_TIME_ZONE;
  const raw = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) raw.append(k, x);
  // The queue's filter, checked like /calls: invalid parts are dropped and listed, never sent on to the claim.
  const { filters, errors } = parseCallFilters(queueParams(raw, timeZone));
  const cleaned = callFiltersToSearchParams({ ...filters, cursor: undefined, size: undefined });
  const queue = cleaned.size ? cleaned : defaultQueueParams(timeZone);
  const isDefault = queue.toString() === defaultQueueParams(timeZone).toString();
  const query = queue.toString();
  const reviewer = can(user.role, "review:write");
  const [summary, reasons, intents, page] = await Promise.all([
    getDashboardSummary(),
    reviewer ? listReasons() : [],
    reviewer ? intentOptions() : [],
    reviewer ? null : listCallRecords(parseCallFilters(new URLSearchParams(`${query}&size=25`)).filters, timeZone),
  ]);
  const seconds = Number(raw.get("t"));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        <dl className="flex gap-3 text-sm">
          {(["unreviewed", "passed", "flagged"] as const).map((state) => (
            <div key={state} className="rounded-lg border border-slate-200 bg-white px-3 py-1.5 shadow-sm">
              <dt className="text-xs text-slate-500">{tc(`review.${state}`)}</dt>
              <dd className="font-semibold tabular-nums" data-testid={`review-count-${state}`}>
                <Link href={`/calls?review=${state}`} className="hover:underline">
                  {fmt.count(summary.byReview[state])}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <p className="text-sm">
        <span className="font-medium">{t("queue")}:</span>{" "}
        <span data-testid="queue-description">
          {isDefault
            ? t("defaultQueue")
            : t("customQueue", { query: [...queue].map(([k, v]) => `${k}=${v}`).join("&") })}
        </span>{" "}
        <Link href={`/calls?${query}`} className="ml-2 text-sky-700 hover:underline">
          {t("editQueue")}
        </Link>
        {/* A queue of its own, checked by the same compliance filter as /calls?compliance=any. */}
        <Link
          href="/review?compliance=any"
          className="ml-2 text-sky-700 hover:underline"
          data-testid="queue-compliance"
        >
          {tk("review.any")}
        </Link>
        {reviewer ? (
          <Link href="/review/calibration" className="ml-2 text-sky-700 hover:underline" data-testid="calibration-link">
            {tcal("title")}
          </Link>
        ) : null}
      </p>
      <FilterErrors errors={errors} cursorInvalid={false} />
      {reviewer ? (
        <ReviewWorkbench
          query={query}
          reasons={reasons}
          intents={intents}
          claimMinutes={env.REVIEW_CLAIM_MINUTES}
          initialTime={Number.isFinite(seconds) && seconds > 0 ? seconds : 0}
        />
      ) : page && page.rows.length ? (
        <CallsTable rows={page.rows} timeZone={timeZone} />
      ) : (
        <EmptyState as="p">{t("empty")}</EmptyState>
      )}
    </div>
  );
}
