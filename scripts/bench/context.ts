import path from "node:path";
import { commaList } from "../../lib/input/comma-list";

/** Settings of one benchmark run, from BENCH_* variables and flags. */
export interface BenchContext {
  records: number;
  /** A quick run that exercises every code path (10,000 records, few repetitions, no web server or browser). */
  smoke: boolean;
  /** Measure through the production web server (HTTP, pages). Off in smoke runs. */
  http: boolean;
  /** Chromium page loads (LCP); needs `http`. */
  pages: boolean;
  /** Reuse the rows already in the bench database when it holds exactly `records` generated rows. */
  reuse: boolean;
  ports: { web: number; emulator: number; postgres: number };
  dir: string;
  resultsPath: string;
  timeZone: string;
  log: (line: string) => void;
  /** Repetitions of a timed query (more for fast ones, bounded by a time budget). */
  reps: number;
  /** Families to measure (`--only=export,submission`); all when empty. */
  only: Set<string>;
}

export const BENCH_FAMILIES = ["calls list", "aggregates", "export", "ingest", "submission", "pages"] as const;

function parseOnly(argv: string[]): Set<string> {
  const arg = argv.find((a) => a.startsWith("--only="));
  if (!arg) return new Set();
  const names = commaList(arg.slice("--only=".length)).map((n) => n.replace(/-/g, " "));
  const unknown = names.filter((n) => !(BENCH_FAMILIES as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new Error(
      `--only: unknown famil${unknown.length > 1 ? "ies" : "y"} ${unknown.join(", ")} (known: ${BENCH_FAMILIES.map((f) => f.replace(/ /g, "-")).join(", ")})`,
    );
  return new Set(names);
}

export function benchContext(argv: string[], env: Readonly<Record<string, string | undefined>>): BenchContext {
  const smoke = argv.includes("--smoke") || env.BENCH_SMOKE === "true";
  const records = Number(env.BENCH_RECORDS || (smoke ? 10_000 : 1_000_000));
  if (!Number.isInteger(records) || records < 1_000)
    throw new Error("BENCH_RECORDS must be an integer of at least 1,000");
  const http = !smoke && !argv.includes("--no-http");
  const base = Number(env.BENCH_PORT_BASE || 3510);
  const dir = path.resolve(env.BENCH_DIR || "bench/tmp");
  return {
    records,
    smoke,
    http,
    pages: http && !argv.includes("--no-pages"),
    reuse: env.BENCH_REUSE === "true",
    ports: { web: base, emulator: base + 1, postgres: base + 2 },
    dir,
    resultsPath: path.resolve(
      env.BENCH_RESULTS || (smoke ? path.join(dir, "smoke-results.json") : "bench/results.json"),
    ),
    timeZone: env.DISPLAY_TIME_ZONE || "Asia/Shanghai",
    log: (line) => console.error(`[bench] ${line}`),
    reps: smoke ? 3 : 30,
    only: parseOnly(argv),
  };
}
