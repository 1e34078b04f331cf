import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { LOCAL_SERVER_FLAGS } from "../../lib/db/embedded-settings";

/**
 * Debian's PostgreSQL 15 server and PgBouncer (transaction pooling) in a
 * temporary directory on loopback ports: the real parts a deployment runs,
 * for `npm run test:pg` and `npm run test:scale`. scripts/ensure-postgres.sh
 * installs the packages. Neither program runs as root: as root, both run as
 * the `postgres` system user the package creates.
 */

export const PG_BIN = "/usr/lib/postgresql/15/bin";
export const PGBOUNCER = "/usr/sbin/pgbouncer";
const USER = "postgres";

export interface DebianPostgres {
  /** Straight to the server (migrations, administration). */
  directUrl: string;
  /** Through PgBouncer in transaction pooling mode (the web app, the workers). */
  pooledUrl: string;
  postgresPid(): number | undefined;
  stop(): Promise<void>;
}

export interface DebianPostgresOptions {
  port: number;
  bouncerPort: number;
  database?: string;
  /** Server connections per database and user behind PgBouncer. */
  poolSize?: number;
  log?: (line: string) => void;
}

const asRoot = process.getuid?.() === 0;

/** As root, the programs run as the unprivileged `postgres` user (spawned with its uid/gid, so signals reach them). */
function serverUser(): { uid: number; gid: number } | Record<string, never> {
  if (!asRoot) return {};
  const uid = Number(spawnSync("id", ["-u", USER], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", USER], { encoding: "utf8" }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid))
    throw new Error(`no "${USER}" system user (Debian's postgresql package creates it)`);
  return { uid, gid };
}

function ownedByServer(file: string): void {
  const ids = serverUser();
  if ("uid" in ids) chownSync(file, ids.uid, ids.gid);
}

export async function startDebianPostgres(opts: DebianPostgresOptions): Promise<DebianPostgres> {
  const log = opts.log ?? (() => {});
  if (!existsSync(path.join(PG_BIN, "postgres")) || !existsSync(PGBOUNCER)) {
    const r = spawnSync("bash", [path.resolve("scripts/ensure-postgres.sh")], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("PostgreSQL 15 and PgBouncer are not installed and could not be installed");
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "lvr-pg15-"));
  chmodSync(dir, 0o700);
  ownedByServer(dir);
  const data = path.join(dir, "data");
  const password = randomBytes(18).toString("base64url");
  const pwfile = path.join(dir, "pw");
  writeFileSync(pwfile, password + "\n", { mode: 0o600 });
  ownedByServer(pwfile);

  const init = spawnSync(
    path.join(PG_BIN, "initdb"),
    ["-D", data, "-U", USER, "--auth=scram-sha-256", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C.UTF-8"],
    { encoding: "utf8", ...serverUser() },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  const procs: ChildProcess[] = [];
  const server = spawn(
    path.join(PG_BIN, "postgres"),
    [
      "-D",
      data,
      "-p",
      String(opts.port),
      ...LOCAL_SERVER_FLAGS,
      "-c",
      "shared_buffers=256MB",
      "-c",
      "max_wal_size=4GB",
      "-c",
      "logging_collector=off",
    ],
    { stdio: ["ignore", "ignore", "pipe"], ...serverUser() },
  );
  server.stderr!.on("data", (c: Buffer) => log(`[postgres15] ${c.toString().trimEnd()}`));
  procs.push(server);

  const ini = path.join(dir, "pgbouncer.ini");
  const users = path.join(dir, "userlist.txt");
  writeFileSync(users, `"${USER}" "${password}"\n`, { mode: 0o600 });
  writeFileSync(
    ini,
    [
      "[databases]",
      // Any database name (the test suite creates one per run) goes to the same server.
      `* = host=127.0.0.1 port=${opts.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${opts.bouncerPort}`,
      "unix_socket_dir =",
      "auth_type = scram-sha-256",
      `auth_file = ${users}`,
      "pool_mode = transaction",
      "max_client_conn = 2000",
      `default_pool_size = ${opts.poolSize ?? 40}`,
      "ignore_startup_parameters = extra_float_digits,options",
      "server_reset_query =",
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  ownedByServer(ini);
  ownedByServer(users);
  const base = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1`;
  const database = opts.database ?? "lvr";
  await waitForServer(`${base}:${opts.port}/postgres`, server);
  {
    const c = new pg.Client({ connectionString: `${base}:${opts.port}/postgres` });
    await c.connect();
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`);
    await c.end();
  }
  const bouncer = spawn(PGBOUNCER, [ini], { stdio: ["ignore", "ignore", "pipe"], ...serverUser() });
  bouncer.stderr!.on("data", (c: Buffer) => log(`[pgbouncer] ${c.toString().trimEnd()}`));
  procs.push(bouncer);
  await waitForServer(`${base}:${opts.bouncerPort}/${database}`, bouncer);
  log(
    `PostgreSQL 15 on 127.0.0.1:${opts.port}, PgBouncer (transaction pooling) on 127.0.0.1:${opts.bouncerPort}, data in ${dir}`,
  );

  let stopped = false;
  return {
    directUrl: `${base}:${opts.port}/${database}`,
    pooledUrl: `${base}:${opts.bouncerPort}/${database}`,
    postgresPid: () => server.pid,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const p of [...procs].reverse()) {
        if (p.exitCode !== null || p.signalCode !== null) continue;
        const exited = new Promise((r) => p.once("exit", r));
        p.kill("SIGINT");
        const timer = setTimeout(() => p.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForServer(url: string, proc: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (proc.exitCode !== null)
      throw new Error(`${proc.spawnfile} exited (code ${proc.exitCode}) before it accepted connections`);
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await c.connect();
      await c.query("SELECT 1");
      await c.end();
      return;
    } catch (err) {
      lastError = (err as Error).message;
      await c.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no connection to ${new URL(url).host} within ${timeoutMs / 1000} s: ${lastError}`);
}
