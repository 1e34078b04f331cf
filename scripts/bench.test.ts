import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { ensureDatabase } from "../lib/db/embedded-postgres";

/**
 * A smoke run of `npm run bench` (10,000 records, every measurement family
 * but the web server and browser ones) on a database of its own. It proves
 * the script works; performance targets are printed by it, never asserted.
 */

let dir: string;
let adminUrl: string;
let url: string;
const db = `lvr_bench_smoke_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lvr-bench-smoke-"));
  adminUrl = inject("adminDatabaseUrl");
  await ensureDatabase(adminUrl, db);
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  url = u.toString();
});

afterAll(async () => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(db)} WITH (FORCE)`);
  await client.end();
  await rm(dir, { recursive: true, force: true });
});

it("runs every measurement family on 10,000 records and writes the results", async () => {
  const results = path.join(dir, "results.json");
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const p = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/bench.ts"), "--smoke"],
      {
        env: {
          ...process.env,
          BENCH_DATABASE_URL: url,
          BENCH_RECORDS: "10000",
          BENCH_DIR: dir,
          BENCH_RESULTS: results,
          BENCH_PORT_BASE: "3515",
          DATABASE_URL: "",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    p.stdout.on("data", (c: Buffer) => (output += c.toString()));
    p.stderr.on("data", (c: Buffer) => (output += c.toString()));
    p.once("exit", (code) => resolve({ code, output }));
  });
  expect(code, output.slice(-3000)).toBe(0);
  expect(output).toMatch(/figure\s+\| p50\s+\| p95\s+\| ceiling \/ target\s+\| verdict/);

  const parsed = JSON.parse(await readFile(results, "utf8")) as {
    records: number;
    machine: { cores: number };
    figures: { family: string; p50: number; p95: number; reason?: string }[];
  };
  expect(parsed.records).toBe(10_000);
  expect(parsed.machine.cores).toBeGreaterThan(0);
  const families = new Set(parsed.figures.map((f) => f.family));
  for (const f of ["calls list", "aggregates", "record", "export", "ingest", "submission"])
    expect(families, f).toContain(f);
  expect(parsed.figures.filter((f) => f.reason?.startsWith("failed"))).toEqual([]);
  for (const f of parsed.figures) expect(Number.isFinite(f.p50), `${f.family}: ${JSON.stringify(f)}`).toBe(true);
}, 150_000);
