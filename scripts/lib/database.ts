import { readFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";

/**
 * The database every command of the product uses: DATABASE_URL when it is set
 * (nothing is started), else the embedded PostgreSQL under DATA_DIR (default
 * `.data/`). Migrations are applied either way, and DATABASE_URL is set for
 * the rest of the process and its children.
 */

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || ".data");
}

export async function resolveDatabase(opts: { log?: (line: string) => void; verbose?: boolean } = {}): Promise<ResolvedDatabase> {
  const log = opts.log ?? ((line: string) => console.error(line));
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir(), "db"),
      database: "lvr",
      port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
      log: opts.verbose ? (l) => log(`[postgres] ${l}`) : () => {},
    });
    url = pg.url;
    stop = () => pg.stop();
    log(`embedded PostgreSQL running on 127.0.0.1:${pg.port} (data in ${path.relative(process.cwd(), dataDir()) || "."}/db)`);
    process.env.DATABASE_URL = url;
  }
  try {
    await migrate(url, { log });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, embedded, stop };
}

/**
 * For short commands run beside `npm start` (token:create): the embedded
 * PostgreSQL that is already running under DATA_DIR, connected to as it is
 * (starting a second one on the same cluster would stop the first); else as
 * resolveDatabase.
 */
export async function attachDatabase(opts: { log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  if (!process.env.DATABASE_URL) {
    const dir = path.join(dataDir(), "db");
    try {
      const pid = Number.parseInt((await readFile(path.join(dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0] ?? "", 10);
      process.kill(pid, 0);
      const state = JSON.parse(await readFile(path.join(dir, "postgres.json"), "utf8")) as { port: number; password: string };
      const url = `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/lvr`;
      process.env.DATABASE_URL = url;
      return { url, embedded: true, stop: async () => {} };
    } catch {
      // Not running: start it for this command.
    }
  }
  return resolveDatabase(opts);
}
