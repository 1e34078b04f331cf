import { exportCallRecordsCsv } from "../../lib/call-records/export/export";
import { parseCallFilters } from "../../lib/call-records/query/filters";
import type { BenchContext } from "./context";
import { peakSampler, treeRssMb } from "./server";
import { atLeast, atMost, rateStats, type Figure } from "./stats";

/**
 * CSV export of about a million rows (the whole table up to 1.2M records,
 * else a date range holding about 1M): rows/s per 100,000-row stretch of the
 * stream, and the server's peak resident memory while it streams.
 */
export async function measureExport(opts: {
  ctx: BenchContext;
  serverUrl?: string;
  serverPid?: number;
  cookie?: string;
  /** Day (yyyy-MM-dd in the display time zone) of the first generated calls, and the number of days. */
  firstDay: string;
  days: number;
  addDays: (day: string, n: number) => string;
}): Promise<Figure[]> {
  const { ctx } = opts;
  const target = ctx.smoke ? ctx.records : 1_000_000;
  let query = "";
  if (ctx.records > target * 1.2) {
    const perDay = ctx.records / opts.days;
    const days = Math.max(1, Math.round(target / perDay));
    const from = opts.addDays(opts.firstDay, Math.floor((opts.days - days) / 2));
    query = `from=${from}&to=${opts.addDays(from, days - 1)}`;
  }
  const segment = ctx.smoke ? 2_000 : 100_000;
  const pid = opts.serverPid ?? process.pid;
  const before = treeRssMb(pid);
  const sampler = peakSampler(() => treeRssMb(pid));
  const rates: number[] = [];
  let rows = 0;
  let mark = performance.now();
  let markRows = 0;
  const started = performance.now();
  const count = (text: string) => {
    let i = -1;
    while ((i = text.indexOf("\n", i + 1)) !== -1) rows++;
    if (rows - markRows >= segment) {
      const now = performance.now();
      rates.push((rows - markRows) / ((now - mark) / 1000));
      mark = now;
      markRows = rows;
    }
  };

  if (opts.serverUrl) {
    const res = await fetch(`${opts.serverUrl}/api/calls/export${query ? `?${query}` : ""}`, {
      headers: { Cookie: opts.cookie ?? "" },
    });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      count(decoder.decode(value, { stream: true }));
    }
  } else {
    const { filters } = parseCallFilters(new URLSearchParams(query));
    for await (const chunk of exportCallRecordsCsv(filters, ctx.timeZone, { masked: true })) count(chunk);
  }
  const elapsed = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  rows -= 1; // the header
  if (rates.length === 0) rates.push(rows / elapsed);
  const where = opts.serverUrl ? "web app" : "bench process (in-process export)";
  ctx.log(
    `export: ${rows.toLocaleString("en")} rows in ${elapsed.toFixed(1)} s (${Math.round(rows / elapsed)} rows/s), peak RSS ${peak.toFixed(0)} MB (${before.toFixed(0)} MB before)`,
  );
  return [
    atLeast(
      {
        family: "export",
        name: `CSV, ${rows.toLocaleString("en")} rows${query ? ` (${query})` : ""}, per ${segment.toLocaleString("en")}-row stretch`,
        unit: "rows/s",
      },
      rateStats(rates),
      {
        target: 50_000,
        words: `whole file ${Math.round(rows / elapsed).toLocaleString("en")} rows/s`,
      },
    ),
    atMost(
      { family: "export", name: `peak RSS of the ${where} while exporting`, unit: "MB" },
      { p50: peak, p95: peak, samples: 1 },
      {
        target: 300,
        words: `${before.toFixed(0)} MB before`,
      },
    ),
  ];
}
