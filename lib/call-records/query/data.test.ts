import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { answeredByJobIndex, callRecordsPageSql, listCallRecords, neighbours } from "./data";
import { parseCallFilters, type CallFilters } from "./filters";

// Rows of a job of their own, with ties and NULLs in both sort keys.
const JOB = 880_000_000_000_000_001n;
const BASE = 7_700_000_000_000n;
const t = (minute: number | null) => (minute === null ? null : new Date(Date.UTC(2026, 2, 1, 1, minute)));
const SPEC: [number | null, number | null, string][] = [
  [0, 30, "ANSWERED"],
  [0, 30, "ANSWERED"],
  [1, 0, "BUSY"],
  [2, null, "NO_ANSWER"],
  [null, 12, "ANSWERED"],
  [3, 45, "ANSWERED"],
  [3, 45, "ANSWERED"],
  [null, null, "POWER_OFF"],
  [4, 0, "BUSY"],
  [5, 200, "ANSWERED"],
  [6, 5, "ANSWERED"],
];

beforeAll(async () => {
  await prisma.callRecord.createMany({
    data: SPEC.map(([minute, duration, status], i) => ({
      callRecordId: BASE + BigInt(i),
      robotCallJobId: JOB,
      startTime: t(minute),
      chatDuration: duration,
      resultStatus: status,
      source: "seed" as const,
      contentHash: "0".repeat(64),
      calledPhoneNumber: `1380000${String(i).padStart(4, "0")}`,
      name: i === 2 ? "王小明" : "李四",
      fullAudioUrl: i % 2 ? "http://127.0.0.1/demo-audio/a.mp3" : null,
    })),
  });
});

function filters(query: string): CallFilters {
  return parseCallFilters(new URLSearchParams(`job=${JOB}&${query}`)).filters;
}

async function walkSmall(query: string, size: number): Promise<bigint[]> {
  const seen: bigint[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listCallRecords({ ...filters(query), size, cursor } as CallFilters, "Asia/Shanghai");
    seen.push(...page.rows.map((r) => r.call_record_id - BASE));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("listCallRecords keyset pagination", () => {
  it("walks every row once, newest first, NULL start times first as PostgreSQL orders them", async () => {
    const all = await walkSmall("", 25);
    expect(all).toEqual([7n, 4n, 10n, 9n, 8n, 6n, 5n, 3n, 2n, 1n, 0n]);
    expect(await walkSmall("", 2)).toEqual(all);
  });

  it("pages by duration ascending and descending without skipping ties or NULLs", async () => {
    const asc = await walkSmall("sort=chat_duration", 3);
    expect(asc).toEqual([2n, 8n, 10n, 4n, 0n, 1n, 5n, 6n, 9n, 3n, 7n]);
    expect(await walkSmall("sort=-chat_duration", 3)).toEqual([...asc].reverse());
  });

  it("applies filters and free text", async () => {
    expect(await walkSmall("status=BUSY", 1)).toEqual([8n, 2n]);
    expect(await walkSmall("q=王小", 5)).toEqual([2n]);
    expect(await walkSmall(`q=${BASE + 9n}`, 5)).toEqual([9n]);
    expect(await walkSmall("audio=true&minDuration=30", 5)).toEqual([9n, 5n, 1n]);
    expect(await walkSmall("from=2026-03-01T01:03:00Z&to=2026-03-01T01:05:00Z", 5)).toEqual([8n, 6n, 5n]);
  });

  it("pages a job by status and intent from the job index alone, in the list's order", async () => {
    expect(answeredByJobIndex(filters("status=ANSWERED"), "start_time")).toBe(true);
    expect(callRecordsPageSql(filters("status=ANSWERED"), "UTC").sql.text).toContain("WHERE id IN (SELECT id FROM");
    // NULL start times first, ties by id, across the cursor's two segments.
    expect(await walkSmall("status=ANSWERED", 2)).toEqual([4n, 10n, 9n, 6n, 5n, 1n, 0n]);
    expect(await walkSmall("status=ANSWERED&status=BUSY&from=2026-03-01T01:01:00Z", 2)).toEqual([
      10n,
      9n,
      8n,
      6n,
      5n,
      2n,
    ]);
    // Columns outside the index, or another order: the plain statement.
    for (const q of [
      "status=ANSWERED&minDuration=1",
      "status=ANSWERED&q=李",
      "status=ANSWERED&sort=chat_duration",
      "",
    ]) {
      expect(callRecordsPageSql(filters(q), "UTC").sql.text, q).not.toContain("WHERE id IN");
    }
  });

  it("matches Latin text whatever its case, and Chinese text exactly", async () => {
    expect(await walkSmall("q=李", 20)).toEqual((await walkSmall("", 20)).filter((n) => n !== 2n));
    await prisma.callRecord.create({
      data: {
        callRecordId: BASE + 50n,
        robotCallJobId: JOB,
        name: "Wang Xiaoming",
        source: "seed",
        contentHash: "0".repeat(64),
      },
    });
    expect(await walkSmall("q=wANG", 5)).toEqual([50n]);
    await prisma.callRecord.delete({ where: { callRecordId: BASE + 50n } });
  });

  it("treats a day in `to` as inclusive, in the display time zone", async () => {
    // 2026-03-01 01:00 UTC is 09:00 on 2026-03-01 in Shanghai.
    expect((await walkSmall("from=2026-03-01&to=2026-03-01", 20)).length).toBe(9);
    expect(await walkSmall("to=2026-02-28", 20)).toEqual([]);
  });

  it("flags an unreadable cursor and shows the first page", async () => {
    const page = await listCallRecords({ ...filters(""), size: 25, cursor: "bm9wZQ" } as CallFilters, "Asia/Shanghai");
    expect(page.cursorInvalid).toBe(true);
    expect(page.rows[0]?.call_record_id).toBe(BASE + 7n);
  });
});

describe("neighbours", () => {
  async function around(n: bigint, query: string) {
    const r = await prisma.callRecord.findUniqueOrThrow({
      where: { callRecordId: BASE + n },
      select: { id: true, startTime: true, chatDuration: true },
    });
    const { previous, next } = await neighbours(r, filters(query), "UTC");
    return [previous === null ? null : previous - BASE, next === null ? null : next - BASE];
  }

  it("finds the records before and after one in the list's order, NULLs and ties included", async () => {
    expect(await around(9n, "")).toEqual([10n, 8n]);
    expect(await around(7n, "")).toEqual([null, 4n]);
    expect(await around(0n, "")).toEqual([1n, null]);
    expect(await around(4n, "sort=chat_duration")).toEqual([10n, 0n]);
    expect(await around(8n, "status=BUSY")).toEqual([null, 2n]);
    // Through the job index (a job and a status): NULL start times first, ties by id.
    expect(await around(4n, "status=ANSWERED")).toEqual([null, 10n]);
    expect(await around(5n, "status=ANSWERED")).toEqual([6n, 1n]);
  });
});
