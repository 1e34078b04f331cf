import pg from "pg";
import { expect, it } from "vitest";
import { getEnv } from "../env";
import { disconnectPrisma, Prisma, prisma, readRows } from "./client";

it("returns what prisma.$queryRaw returns for the types the hot reads use", async () => {
  const query = Prisma.sql`
    SELECT 9007199254740993::int8 AS big, NULL::int8 AS no_big, ARRAY[1, NULL, 9007199254740993]::int8[] AS bigs,
           42::int4 AS small, 'connected'::text AS label, true AS flag,
           '2026-03-01 08:00:00+08'::timestamptz AS at, ${"2026-03-01T00:00:00.000Z"}::timestamptz AS bound_at,
           ${BigInt("9007199254740995")}::int8 AS bound_big, ${["a", "b"]}::text[] = ARRAY['a', 'b'] AS bound_array`;
  const [direct] = await readRows<Record<string, unknown>>(query);
  const [viaPrisma] = await prisma.$queryRaw<Record<string, unknown>[]>(query);
  expect(direct).toEqual(viaPrisma);
  expect(direct).toMatchObject({
    big: 9007199254740993n,
    no_big: null,
    bigs: [1n, null, 9007199254740993n],
    bound_big: 9007199254740995n,
    bound_array: true,
  });
  expect((direct!.at as Date).toISOString()).toBe("2026-03-01T00:00:00.000Z");
});

// Through PgBouncer (npm run test:pg) the pool's connections end at PgBouncer, which replaces a terminated
// server connection itself, and a backend's pid may be the admin connection's own: the test needs a direct one.
it.skipIf(process.env.LVR_TEST_THROUGH_POOLER === "true")(
  "survives the server closing the pool's idle connections, and reconnects",
  async () => {
    // A pool of its own, read from before any Prisma client exists (Prisma's adapter listens to the pools it is given).
    await disconnectPrisma();
    const [mine] = await readRows<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`);
    // From a connection of its own, while the pool's is idle.
    const admin = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    await admin.connect();
    const {
      rows: [other],
    } = await admin.query<{ ended: boolean }>("SELECT pg_terminate_backend($1::int) AS ended", [mine!.pid]);
    await admin.end();
    expect(other?.ended).toBe(true);
    // The pool hears the closed connection as an error event; unheard, it would have ended this process.
    await new Promise((r) => setTimeout(r, 200));
    const [again] = await readRows<{ one: number }>(Prisma.sql`SELECT 1 AS one`);
    expect(again?.one).toBe(1);
  },
);
