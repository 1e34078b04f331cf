import type pg from "pg";
import { Prisma, prisma } from "../../lib/db/client";
import { callRecordsPageSql, listCallRecords } from "../../lib/call-records/query/data";
import { encodeCursor, orderBy, parseSort } from "../../lib/call-records/query/cursor";
import { parseCallFilters, type CallFilters } from "../../lib/call-records/query/filters";
import { callFiltersWhere } from "../../lib/call-records/query/where";
import type { BenchContext } from "./context";
import { atMost, timePaired, timeRuns, timeStats, type Figure } from "./stats";

/**
 * The calls list: first page and a page 10,000 rows deep for eight filter
 * combinations, timed through listCallRecords (what /calls runs), over HTTP
 * (the whole /calls page), and as the identical SQL run directly with pg
 * (alternating with the lib runs, so that both meet the same machine load).
 */

export interface FilterCase {
  name: string;
  query: string;
}

export function filterCases(jobId: string, from: string, to: string): FilterCase[] {
  return [
    { name: "no filter", query: "" },
    { name: "job", query: `job=${jobId}` },
    { name: "status", query: "status=NO_ANSWER" },
    { name: "intent", query: "intent=730001:2" },
    { name: "job+status+intent", query: `job=${jobId}&status=ANSWERED&intent=730001:2` },
    { name: "time range", query: `from=${from}&to=${to}` },
    { name: "text search", query: `q=${encodeURIComponent("王")}` },
    { name: "duration sort", query: "sort=-chat_duration" },
  ];
}

const DEEP = 10_000;

/** The cursor of the page that starts `offset` rows in (found once with OFFSET, outside the timed part). */
async function deepCursor(
  filters: CallFilters,
  timeZone: string,
  offset: number,
): Promise<{ cursor: string; offset: number } | null> {
  const { key, desc } = parseSort(filters.sort);
  const where = callFiltersWhere({ ...filters, cursor: undefined }, timeZone);
  const [{ n } = { n: 0 }] = await prisma.$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM call_records ${where} LIMIT ${offset + 1}) c`);
  const at = n > offset ? offset : Math.floor(n / 2);
  if (at < 1) return null;
  const [row] = await prisma.$queryRaw<
    { id: bigint; start_time: Date | null; chat_duration: number | null }[]
  >(Prisma.sql`
    SELECT id, start_time, chat_duration FROM call_records ${where} ${orderBy(key, desc)} OFFSET ${at - 1} LIMIT 1`);
  if (!row) return null;
  return {
    cursor: encodeCursor(key === "start_time" ? (row.start_time?.toISOString() ?? null) : row.chat_duration, row.id),
    offset: at,
  };
}

export async function measureCalls(opts: {
  ctx: BenchContext;
  client: pg.Client;
  serverUrl?: string;
  cookie?: string;
  cases: FilterCase[];
}): Promise<Figure[]> {
  const { ctx } = opts;
  const figures: Figure[] = [];
  for (const c of opts.cases) {
    const { filters } = parseCallFilters(new URLSearchParams(c.query));
    const deep = await deepCursor(filters, ctx.timeZone, DEEP);
    const pages: { label: string; filters: CallFilters; query: string }[] = [
      { label: "first page", filters, query: c.query },
    ];
    if (deep) {
      const q = new URLSearchParams(c.query);
      q.set("cursor", deep.cursor);
      pages.push({
        label: `page ${deep.offset.toLocaleString("en")} rows in`,
        filters: { ...filters, cursor: deep.cursor },
        query: q.toString(),
      });
    }
    for (const page of pages) {
      const { sql } = callRecordsPageSql(page.filters, ctx.timeZone);
      // Pages take a millisecond or two: 200 pairs (within the time budget) make the p95 a
      // percentile rather than the one slowest of 30 runs, which any hiccup of a loaded machine decides.
      const [rawMs, libMs] = await timePaired(
        ctx.smoke ? ctx.reps : Math.max(ctx.reps, 200),
        () => opts.client.query(sql.text, sql.values as unknown[]),
        () => listCallRecords(page.filters, ctx.timeZone),
        2,
        20_000,
      );
      const raw = timeStats(rawMs);
      const lib = timeStats(libMs);
      const name = `${c.name}, ${page.label}`;
      figures.push(
        atMost({ family: "calls list", name: `${name} (server, lib)`, unit: "ms" }, lib, {
          target: 50,
          ceilingValue: raw.p95,
          factor: 1.5,
        }),
      );
      figures.push(
        atMost({ family: "calls list", name: `${name} (raw SQL, pg)`, unit: "ms" }, raw, { words: "ceiling" }),
      );
      if (opts.serverUrl) {
        const http = timeStats(
          await timeRuns(
            Math.max(3, Math.round(ctx.reps / 3)),
            async () => {
              const res = await fetch(`${opts.serverUrl}/calls${page.query ? `?${page.query}` : ""}`, {
                headers: { Cookie: opts.cookie ?? "" },
              });
              if (res.status !== 200) throw new Error(`/calls answered ${res.status}`);
              await res.text();
            },
            1,
            20_000,
          ),
        );
        figures.push(
          atMost({ family: "calls list", name: `${name} (HTTP, whole /calls page)`, unit: "ms" }, http, {
            words: "end to end (list + facets + count)",
          }),
        );
      }
      ctx.log(`calls list ${name}: lib p95 ${lib.p95.toFixed(1)} ms, raw p95 ${raw.p95.toFixed(1)} ms`);
    }
  }
  return figures;
}
