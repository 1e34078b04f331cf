import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getEnv } from "../env";
import { log } from "../log";
import { PrismaClient, type Prisma } from "./generated/client";

/**
 * The one Prisma client of the process, over the one connection pool of the
 * process. Both are kept on globalThis so that Next's dev server, which
 * re-evaluates modules on every change, does not open a new pool each time.
 */
const globalForPrisma = globalThis as unknown as { lvrPrisma?: PrismaClient; lvrPool?: pg.Pool };

function getPool(): pg.Pool {
  if (!globalForPrisma.lvrPool) {
    const env = getEnv();
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
    // An idle connection the server closes (a restart, a failover, an administrator's
    // termination) is an error event of the pool: unheard, it would end the process.
    // The pool drops that connection and opens a new one when next needed.
    pool.on("error", (err) =>
      log().warn({ err: err.message }, "database connection lost while idle; it will be replaced"),
    );
    globalForPrisma.lvrPool = pool;
  }
  return globalForPrisma.lvrPool;
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(getPool()) });
}

export function getPrisma(): PrismaClient {
  globalForPrisma.lvrPrisma ??= createClient();
  return globalForPrisma.lvrPrisma;
}

/** Lazily created so that importing a data module never connects at build time. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop, receiver) {
    const client = getPrisma();
    const value = Reflect.get(client, prop, receiver);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

// int8 as bigint, as Prisma returns it (pg's default is a string).
const INT8 = 20;
const INT8_ARRAY = 1016;
const defaultParser = pg.types.getTypeParser as (oid: number, format: "text" | "binary") => (value: string) => unknown;
const int8Array = defaultParser(INT8_ARRAY, "text");
const readTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8) return (v: string) => BigInt(v);
    if (oid === INT8_ARRAY)
      return (v: string) => (int8Array(v) as (string | null)[]).map((x) => (x === null ? null : BigInt(x)));
    return defaultParser(oid, format ?? "text");
  }) as typeof pg.types.getTypeParser,
};

/**
 * Rows of a statement on the hot paths (a page of the calls list, the
 * submission queue's claims and settlements, the ingest upsert), straight
 * from the pg driver on the pool Prisma uses. `prisma.$queryRaw` converts each
 * value twice on the way (driver → tagged wire values → JavaScript), which
 * costs about as much as the query itself on a 50-row page; the benchmark
 * compares this path with the bare SQL. Values come back as `$queryRaw`
 * returns them for the types these reads use: int8 as bigint, timestamptz as
 * Date, json as objects, text and enums (cast to text) as strings.
 */
export async function readRows<T>(query: Prisma.Sql): Promise<T[]> {
  const result = await getPool().query({ text: query.text, values: query.values, types: readTypes });
  return result.rows as T[];
}

/** Reads rows of one statement, as readRows does. */
export type RowReader = <T>(query: Prisma.Sql) => Promise<T[]>;

/**
 * Runs `work` in one transaction on one connection of the pool, its
 * statements read as readRows reads them: for hot paths of several
 * statements that must be stored together (the ingest upsert and its
 * compliance checks). Rolled back when `work` throws.
 */
export async function inTransaction<T>(work: (rows: RowReader) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(async <R>(query: Prisma.Sql) => {
      const res = await client.query({ text: query.text, values: query.values, types: readTypes });
      return res.rows as R[];
    });
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** This process's pool, for the metrics (undefined before the first query). */
export function poolStats(): { totalCount: number; idleCount: number; waitingCount: number } | undefined {
  return globalForPrisma.lvrPool;
}

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.lvrPrisma?.$disconnect();
  globalForPrisma.lvrPrisma = undefined;
  await globalForPrisma.lvrPool?.end();
  globalForPrisma.lvrPool = undefined;
}

export { Prisma } from "./generated/client";
export type { CallRecord, SubmissionState, ReviewState, RecordSource } from "./generated/client";
