import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run import` end to end: the real script in a child process against this run's database.
const run = promisify(execFile);
const script = path.resolve("scripts/import.ts");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", script, ...args],
      { env: process.env },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lvr-import-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npm run import", () => {
  it("imports a file, exits 2 when rows were rejected, and says where they went", async () => {
    const [a, b] = [randomBytes(6).readUIntBE(0, 6) + 1, randomBytes(6).readUIntBE(0, 6) + 1];
    const file = path.join(dir, "calls.csv");
    await writeFile(
      file,
      `call_record_id,robot_call_job_id,start_time\n${a},1,2026-03-01 08:00:00\n${b},1,not a date\n`,
    );
    const res = await cli(file);
    expect(res.code, res.stderr).toBe(2);
    expect(res.stdout).toMatch(
      /^import finished: 2 records in 0:\d\d \(\d[\d,]* records\/s\)\n  created 1 · updated 0 · unchanged 0 · rejected 1\n  rejected records written to .*calls\.csv\.rejected\.ndjson\n$/,
    );
    const rejected = JSON.parse(await readFile(`${file}.rejected.ndjson`, "utf8")) as { line: number };
    expect(rejected.line).toBe(3);

    await writeFile(file, `call_record_id,robot_call_job_id,start_time\n${a},1,2026-03-01 08:00:00\n`);
    const again = await cli(file);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("unchanged 1");
  });

  it("exits 1 with a reason on a fatal error or bad usage", async () => {
    expect((await cli(path.join(dir, "missing.csv"))).code).toBe(1);
    expect((await cli()).code).toBe(1);
    const bad = path.join(dir, "bad.csv");
    await writeFile(bad, "id,job\n1,2\n");
    const res = await cli(bad);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/import failed: the CSV header has no call_record_id column/);
  });
});
