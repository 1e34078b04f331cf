import { expect, it } from "vitest";
import { Prisma, prisma, readRows } from "./client";

it("returns what prisma.$queryRaw returns for the types the hot reads use", async () => {
  const query = Prisma.sql`
    SELECT 9007199254740993::int8 AS big, NULL::int8 AS no_big, ARRAY[1, NULL, 9007199254740993]::int8[] AS bigs,
           42::int4 AS small, 'connected'::text AS label, true AS flag,
           '2026-03-01 08:00:00+08'::timestamptz AS at, ${"2026-03-01T00:00:00.000Z"}::timestamptz AS bound_at,
           ${BigInt("9007199254740995")}::int8 AS bound_big, ${["a", "b"]}::text[] = ARRAY['a', 'b'] AS bound_array`;
  const [direct] = await readRows<Record<string, unknown>>(query);
  const [viaPrisma] = await prisma.$queryRaw<Record<string, unknown>[]>(query);
  expect(direct).toEqual(viaPrisma);
  expect(direct).toMatchObject({ big: 9007199254740993n, no_big: null, bigs: [1n, null, 9007199254740993n], bound_big: 9007199254740995n, bound_array: true });
  expect((direct!.at as Date).toISOString()).toBe("2026-03-01T00:00:00.000Z");
});
