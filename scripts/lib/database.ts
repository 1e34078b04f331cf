import { readFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";
import { exportEnv, launcherEnv } from "../../lib/env";

/**
 * The database every command of the product uses: DATABASE_URL when it is set
 * (nothing is started), else the embedded PostgreSQL under DATA_DIR (default
 * `.data/`). Migrations are applied either way, and DATABASE_URL is set for
 * the rest of the process and its children.
 *
 * The embedded server is supervised: when its postmaster dies (killed, out of
 * memory), it is started again on the same port and data directory, where
 * PostgreSQL's crash recovery replays the WAL; the web app and the worker
 * reconnect through their pools.
 */

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(launcherEnv().DATA_DIR);
}

export async function resolveDatabase(
  opts: { log?: (line: string) => void; verbose?: boolean } = {},
): Promise<ResolvedDatabase> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const settings = launcherEnv();
  let url = settings.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    const start = (exactPort: boolean) =>
      startEmbeddedPostgres({
        dataDir: path.join(dataDir(), "db"),
        database: "lvr",
        port: settings.EMBEDDED_PG_PORT,
        exactPort,
        log: opts.verbose ? (l) => log(`[postgres] ${l}`) : () => {},
      });
    const first = await start(false);
    url = first.url;
    const supervisor = supervise(first, () => start(true), log);
    stop = supervisor.stop;
    log(
      `embedded PostgreSQL running on 127.0.0.1:${first.port} (data in ${path.relative(process.cwd(), dataDir()) || "."}/db)`,
    );
    exportEnv({ DATABASE_URL: url });
  }
  try {
    await migrate(url, { log });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, embedded, stop };
}

/** Restarts the server whenever it exits without being asked to, until `stop`. */
export function supervise(
  first: EmbeddedPostgresHandle,
  restart: () => Promise<EmbeddedPostgresHandle>,
  log: (line: string) => void,
): { stop(): Promise<void>; current(): EmbeddedPostgresHandle } {
  let current = first;
  let stopping = false;
  const loop = async () => {
    while (!stopping) {
      await current.exited;
      if (stopping) return;
      const down = Date.now();
      log(`PostgreSQL (pid ${current.pid}) exited unexpectedly; restarting it (crash recovery replays its log)`);
      for (let attempt = 1; !stopping; attempt++) {
        try {
          // The old server's backends leave within moments of their postmaster; until then the start is refused.
          current = await restart();
          if (stopping) await current.stop();
          log(`PostgreSQL is back (pid ${current.pid}) after ${((Date.now() - down) / 1000).toFixed(1)} s`);
          break;
        } catch (err) {
          log(`restarting PostgreSQL failed (attempt ${attempt}): ${(err as Error).message.split("\n")[0]}`);
          await new Promise((r) => setTimeout(r, Math.min(500 * attempt, 5_000)));
        }
      }
    }
  };
  const running = loop();
  return {
    current: () => current,
    async stop() {
      stopping = true;
      await current.stop();
      await Promise.race([running, new Promise((r) => setTimeout(r, 1_000))]);
    },
  };
}

/**
 * For short commands run beside `npm start` (token:create): the embedded
 * PostgreSQL that is already running under DATA_DIR, connected to as it is
 * (starting a second one on the same cluster would stop the first); else as
 * resolveDatabase.
 */
export async function attachDatabase(opts: { log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  if (!launcherEnv().DATABASE_URL) {
    const dir = path.join(dataDir(), "db");
    try {
      const pid = Number.parseInt(
        (await readFile(path.join(dir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0] ?? "",
        10,
      );
      process.kill(pid, 0);
      const state = JSON.parse(await readFile(path.join(dir, "postgres.json"), "utf8")) as {
        port: number;
        password: string;
      };
      const url = `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/lvr`;
      exportEnv({ DATABASE_URL: url });
      return { url, embedded: true, stop: async () => {} };
    } catch {
      // Not running: start it for this command.
    }
  }
  return resolveDatabase(opts);
}
