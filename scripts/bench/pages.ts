import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { benchEnv } from "../../lib/env/launcher";
import type { BenchContext } from "./context";
import { atMost, timeStats, type Figure } from "./stats";
import { HEADLESS_CHROMIUM_ARGS } from "../../dev/testing/chromium";

/**
 * Pages: the JavaScript /calls loads first (every script of the built page,
 * gzip-compressed as served over the wire), and the Largest Contentful Paint of
 * /calls and /jobs in Chromium (Debian's, headless) on the bench data.
 */

async function firstLoadJsKb(serverUrl: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${serverUrl}/calls`, { headers: { Cookie: cookie } })).text();
  // `noModule` scripts (Next's legacy polyfills) are never fetched by a browser
  // that runs ES modules, Chromium included: they are not part of what loads.
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const srcs = new Set(
    tags.flatMap((tag) => tag.match(/\ssrc="([^"]+\.js[^"]*)"/)?.[1]?.replaceAll("&amp;", "&") ?? []),
  );
  let bytes = 0;
  for (const src of srcs) {
    const res = await fetch(new URL(src, serverUrl), { headers: { Cookie: cookie } });
    bytes += gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
  }
  return bytes / 1024;
}

export async function measurePages(opts: {
  ctx: BenchContext;
  serverUrl: string;
  cookie: string;
  token: string;
}): Promise<Figure[]> {
  const { ctx } = opts;
  const js = await firstLoadJsKb(opts.serverUrl, opts.cookie);
  const figures: Figure[] = [
    atMost(
      { family: "pages", name: "/calls first-load JavaScript (gzip)", unit: "KB" },
      { p50: js, p95: js, samples: 1 },
      { target: 200 },
    ),
  ];

  const browser = await chromium.launch({
    executablePath: benchEnv().BENCH_CHROMIUM,
    args: HEADLESS_CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies([{ name: "lvr_session", value: opts.token, url: opts.serverUrl }]);
    for (const route of ["/calls", "/jobs"]) {
      const lcp: number[] = [];
      for (let i = 0; i < (ctx.smoke ? 2 : 7); i++) {
        const page = await context.newPage();
        await page.goto(`${opts.serverUrl}${route}`, { waitUntil: "load", timeout: 60_000 });
        const value = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const entries = list.getEntries();
                resolve(entries[entries.length - 1]!.startTime);
              }).observe({ type: "largest-contentful-paint", buffered: true });
              setTimeout(() => resolve(-1), 5_000);
            }),
        );
        await page.close();
        if (i > 0 && value >= 0) lcp.push(value); // the first load warms the server's code paths
      }
      const stats = timeStats(lcp);
      ctx.log(`LCP ${route}: p50 ${stats.p50.toFixed(0)} ms, p95 ${stats.p95.toFixed(0)} ms`);
      figures.push(
        atMost({ family: "pages", name: `LCP ${route} (Chromium, headless)`, unit: "ms" }, stats, { target: 1_000 }),
      );
    }
  } finally {
    await browser.close();
  }
  return figures;
}
