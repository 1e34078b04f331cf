import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { listCallRecords } from "./data";
import { parseCallFilters, type CallFilters } from "./filters";

// A job of its own: 60 records, ties and NULLs in the sort keys.
const JOB = 7_330_000_000_000_001n;
const TZ = "Asia/Shanghai";

beforeAll(async () => {
  await prisma.callRecord.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      callRecordId: 733_000_000n + BigInt(i),
      robotCallJobId: JOB,
      source: "seed" as const,
      contentHash: "0".repeat(64),
      startTime: i % 13 === 0 ? null : new Date(Date.UTC(2026, 10, 1, 0, Math.floor(i / 2))),
      chatDuration: i % 7 === 0 ? null : (i * 37) % 50,
    })),
  });
});

const filters = (sort: string, cursor?: string): CallFilters => ({
  ...parseCallFilters(new URLSearchParams(`job=${JOB}&size=25&sort=${sort}`)).filters,
  cursor,
});

describe("calls list paging", () => {
  for (const sort of ["-start_time", "start_time", "-chat_duration", "chat_duration"]) {
    it(`goes back with "previous" (keyset backwards) to exactly the pages it came from, with their positions (${sort})`, async () => {
      const p1 = await listCallRecords(filters(sort), TZ);
      expect(p1.prevCursor).toBeNull();
      expect(p1.offset).toBe(0);
      const p2 = await listCallRecords(filters(sort, p1.nextCursor!), TZ);
      expect(p2.offset).toBe(25);
      const p3 = await listCallRecords(filters(sort, p2.nextCursor!), TZ);
      expect(p3.offset).toBe(50);
      expect(p3.rows).toHaveLength(10);
      expect(p3.nextCursor).toBeNull();

      const back2 = await listCallRecords(filters(sort, p3.prevCursor!), TZ);
      expect(back2.rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
      expect(back2.offset).toBe(25);
      const back1 = await listCallRecords(filters(sort, back2.prevCursor!), TZ);
      expect(back1.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
      expect(back1.prevCursor).toBeNull();
      expect(back1.offset).toBe(0);
      // Forward again from a page reached backwards.
      const again = await listCallRecords(filters(sort, back2.nextCursor!), TZ);
      expect(again.rows.map((r) => r.id)).toEqual(p3.rows.map((r) => r.id));
      expect(new Set([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.id)).size).toBe(60);
    });
  }
});
