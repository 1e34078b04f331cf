import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../lib/db/embedded-postgres";
import { queryRows } from "../dev/testing/pg";

// The start command's lifecycle, without the web app (that part is covered by
// the end-to-end tests, which start the product the same way).

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

interface Run {
  child: ChildProcess;
  output: () => string;
  databaseUrl: string;
}

async function startServices(dataDir: string, emulatorPort: number, opts: { detached?: boolean } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DEMO_MODE: "false",
    TOP_EMULATOR_PORT: String(emulatorPort),
  };
  delete env.DATABASE_URL;
  delete env.INGEST_TOKEN;
  delete env.TOP_GATEWAY_URL;
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "--services-only"],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, as a terminal's foreground job: Ctrl+C signals the whole group.
      detached: opts.detached ?? false,
    },
  );
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const databaseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start did not come up:\n${out}`)), 120_000);
    child.stdout!.on("data", () => {
      const m = /DATABASE_URL (\S+)/.exec(out);
      if (m && out.includes("Press Ctrl+C")) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`start exited with ${code}:\n${out}`)));
  });
  return { child, output: () => out, databaseUrl };
}

function stop(run: Run, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    run.child.once("exit", (code) => resolve(code));
    run.child.kill(signal);
  });
}

describe("npm start (services only)", () => {
  it("starts PostgreSQL and the emulator, keeps the token and the data, and stops cleanly on SIGTERM and SIGINT", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "lvr-start-"));
    dirs.push(dataDir);
    await chmod(dataDir, 0o755); // mkdtemp makes it private; PostgreSQL may run as another user
    const emulatorPort = await freePort();

    const first = await startServices(dataDir, emulatorPort);
    expect(first.output()).toContain("applied migration 20261124000000_init");
    const token = (await readFile(path.join(dataDir, "ingest-token"), "utf8")).trim();
    expect(token).toMatch(/^lvr_[\w-]{32}$/);
    expect(statSync(path.join(dataDir, "ingest-token")).mode & 0o777).toBe(0o600);
    expect(first.output()).toContain(`ingest token ${token}`);
    const emulator = await fetch(`http://127.0.0.1:${emulatorPort}/__emulator/received`);
    expect(emulator.status).toBe(200);
    await queryRows(first.databaseUrl, "CREATE TABLE restart_probe (v int); INSERT INTO restart_probe VALUES (7)");

    expect(await stop(first, "SIGTERM")).toBe(0);
    expect(existsSync(path.join(dataDir, "db/postgres/postmaster.pid"))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${emulatorPort}/__emulator/received`)).rejects.toThrow();

    const second = await startServices(dataDir, emulatorPort);
    expect(second.output()).not.toContain("applied migration");
    expect(second.output()).toContain(`ingest token ${token}`);
    expect(await queryRows(second.databaseUrl, "SELECT v FROM restart_probe")).toEqual([{ v: 7 }]);
    expect(await stop(second, "SIGINT")).toBe(0);
    expect(existsSync(path.join(dataDir, "db/postgres/postmaster.pid"))).toBe(false);
  }, 180_000);

  it("stops quietly on Ctrl+C (SIGINT to the whole process group) and says so", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "lvr-start-"));
    dirs.push(dataDir);
    await chmod(dataDir, 0o755);
    const run = await startServices(dataDir, await freePort(), { detached: true });
    const before = run.output().length;
    const exited = new Promise<number | null>((resolve) => run.child.once("exit", (code) => resolve(code)));
    process.kill(-run.child.pid!, "SIGINT");
    expect(await exited).toBe(0);
    const after = run.output().slice(before);
    expect(after).toContain("[lvr] stopped");
    expect(after).not.toMatch(/connection lost|Database error|shutting down|terminating connection/i);
    expect(existsSync(path.join(dataDir, "db/postgres/postmaster.pid"))).toBe(false);
  }, 180_000);

  it("a second stop signal while stopping does not cut the stop short: the database and the emulator still go down", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "lvr-start-"));
    dirs.push(dataDir);
    await chmod(dataDir, 0o755);
    const emulatorPort = await freePort();
    const run = await startServices(dataDir, emulatorPort);
    // The product runs in a process of its own under the launching one (scripts/lib/own-process-group.ts).
    const product = Number(execFileSync("pgrep", ["-P", String(run.child.pid)], { encoding: "utf8" }).trim());
    const exited = new Promise<number | null>((resolve) => run.child.once("exit", (code) => resolve(code)));
    process.kill(product, "SIGTERM");
    process.kill(product, "SIGTERM");
    expect(await exited).toBe(0);
    expect(run.output()).toContain("[lvr] stopped");
    expect(existsSync(path.join(dataDir, "db/postgres/postmaster.pid"))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${emulatorPort}/__emulator/received`)).rejects.toThrow();
  }, 180_000);
});
