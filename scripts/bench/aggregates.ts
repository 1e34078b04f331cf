import { Prisma, prisma } from "../../lib/db/client";
import { getCallRecordDetail, neighbours } from "../../lib/call-records/query/data";
import { countMatching } from "../../lib/call-records/query/count";
import { facetCounts } from "../../lib/call-records/query/facets";
import { parseCallFilters } from "../../lib/call-records/query/filters";
import { getDashboardSummary } from "../../lib/dashboard/data";
import { getJobDetail, jobMixes, listJobsPage } from "../../lib/jobs/data";
import { recordAttempts } from "../../lib/submissions/data";
import type { BenchContext } from "./context";
import type { FilterCase } from "./calls";
import { atMost, timeRuns, timeStats, type Figure } from "./stats";

/**
 * Aggregates and single records, through the lib functions the pages call:
 * facet counts and the match count of /calls, the jobs overview, a record's
 * page (record, attempts, previous/next), a job's charts, the dashboard.
 */
export async function measureAggregates(opts: {
  ctx: BenchContext;
  cases: FilterCase[];
  jobIds: string[];
}): Promise<Figure[]> {
  const { ctx } = opts;
  const figures: Figure[] = [];
  const tz = ctx.timeZone;

  for (const c of opts.cases.filter((x) => ["no filter", "job", "status", "time range"].includes(x.name))) {
    const { filters } = parseCallFilters(new URLSearchParams(c.query));
    const facets = timeStats(await timeRuns(ctx.reps, () => facetCounts(filters, tz), 1, 20_000));
    figures.push(
      atMost({ family: "aggregates", name: `facet counts, ${c.name}`, unit: "ms" }, facets, { target: 150 }),
    );
    const count = timeStats(await timeRuns(ctx.reps, () => countMatching(filters, tz), 1, 10_000));
    figures.push(
      atMost({ family: "aggregates", name: `match count, ${c.name}`, unit: "ms" }, count, {
        words: "part of /calls; no target",
      }),
    );
    ctx.log(`facets ${c.name}: p95 ${facets.p95.toFixed(1)} ms; count p95 ${count.p95.toFixed(1)} ms`);
  }

  // What /jobs reads: its first page (keyset, 50 jobs by last call, with the count of all jobs) and those jobs' mixes.
  const jobs = timeStats(
    await timeRuns(
      Math.max(3, Math.round(ctx.reps / 3)),
      async () => {
        const page = await listJobsPage({ sort: "last_call" });
        await jobMixes(page.jobs.map((j) => j.jobId));
      },
      1,
      30_000,
    ),
  );
  figures.push(
    atMost({ family: "aggregates", name: "jobs overview (first page of /jobs)", unit: "ms" }, jobs, { target: 150 }),
  );
  ctx.log(`jobs overview: p95 ${jobs.p95.toFixed(1)} ms`);

  const ids = await prisma.$queryRaw<{ call_record_id: bigint }[]>(Prisma.sql`
    SELECT call_record_id FROM call_records TABLESAMPLE SYSTEM (1) LIMIT 500`);
  const pickId = (i: number) => ids[Math.abs(i) % Math.max(1, ids.length)]!.call_record_id;
  const listFilters = parseCallFilters(new URLSearchParams("")).filters;
  if (ids.length) {
    const detail = timeStats(await timeRuns(ctx.reps * 2, (i) => getCallRecordDetail(pickId(i * 7 + 3))));
    figures.push(atMost({ family: "record", name: "record by call_record_id", unit: "ms" }, detail, { target: 20 }));
    const page = timeStats(
      await timeRuns(ctx.reps * 2, async (i) => {
        const record = await getCallRecordDetail(pickId(i * 11 + 5));
        if (record) await Promise.all([recordAttempts(record), neighbours(record, listFilters, tz)]);
      }),
    );
    figures.push(
      atMost({ family: "record", name: "record page data (record, attempts, previous/next)", unit: "ms" }, page, {
        target: 20,
      }),
    );
    ctx.log(`record detail: p95 ${detail.p95.toFixed(2)} ms; page data p95 ${page.p95.toFixed(2)} ms`);
  }

  const jobDetail = timeStats(
    await timeRuns(
      Math.max(3, Math.round(ctx.reps / 2)),
      (i) => getJobDetail(BigInt(opts.jobIds[Math.abs(i * 37) % opts.jobIds.length]!), tz),
      1,
      20_000,
    ),
  );
  figures.push(
    atMost({ family: "aggregates", name: "job detail charts (one job)", unit: "ms" }, jobDetail, {
      words: "no target",
    }),
  );
  const dashboard = timeStats(
    await timeRuns(Math.max(3, Math.round(ctx.reps / 3)), () => getDashboardSummary(), 1, 20_000),
  );
  figures.push(
    atMost({ family: "aggregates", name: "dashboard summary", unit: "ms" }, dashboard, { words: "no target" }),
  );
  ctx.log(`job detail p95 ${jobDetail.p95.toFixed(1)} ms; dashboard p95 ${dashboard.p95.toFixed(1)} ms`);
  return figures;
}
