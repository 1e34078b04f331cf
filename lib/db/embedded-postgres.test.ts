import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../../dev/testing/pg";
import { startEmbeddedPostgres } from "./embedded-postgres";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), "lvr-embedded-"));
  dirs.push(d);
  return d;
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a start", async () => {
    const dir = await tempDir();
    const first = await startEmbeddedPostgres({ dataDir: dir, database: "lvr" });
    await queryRows(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    expect(existsSync(path.join(dir, "postgres", "postmaster.pid"))).toBe(false); // clean shutdown

    const second = await startEmbeddedPostgres({ dataDir: dir, database: "lvr" });
    try {
      expect(second.url).toBe(first.url); // same port and credentials, from the state file
      expect(await queryRows(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("starts over a stale lock whose process is gone", async () => {
    const dir = await tempDir();
    const first = await startEmbeddedPostgres({ dataDir: dir, database: "lvr" });
    await first.stop();
    const lock = path.join(dir, "postgres", "postmaster.pid");
    // A lock naming a PID that does not exist, as a power loss leaves it.
    await writeFile(
      lock,
      `999999\n${path.join(dir, "postgres")}\n1700000000\n5432\n\n127.0.0.1\n  5432001  0\nready   \n`,
    );
    const second = await startEmbeddedPostgres({ dataDir: dir, database: "lvr" });
    try {
      expect(await queryRows(second.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    } finally {
      await second.stop();
    }
  });

  it("recovers when the run that started it was killed and left the server orphaned", async () => {
    const dir = await tempDir();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("dev/testing/fixtures/start-pg-and-wait.ts"), dir],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`fixture exited with ${code}`)));
    });
    await queryRows(url, "CREATE TABLE survived (v int); INSERT INTO survived VALUES (42)");
    const orphanPid = Number((await readFile(path.join(dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(() => process.kill(orphanPid, 0)).not.toThrow(); // the server outlived its parent

    const next = await startEmbeddedPostgres({ dataDir: dir, database: "lvr" });
    try {
      expect(() => process.kill(orphanPid, 0)).toThrow(); // the orphan was shut down
      expect(await queryRows(next.url, "SELECT v FROM survived")).toEqual([{ v: 42 }]);
    } finally {
      await next.stop();
    }
  });
});
