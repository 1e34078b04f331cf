import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { countMatching } from "./count";
import { decodeCursor } from "./cursor";
import { listCallRecords } from "./data";
import { parseCallFilters } from "./filters";

const JOB = 880_000_000_000_000_4321n;
const ZONE = "Asia/Shanghai";
const cursor = (value: unknown, id: unknown) => Buffer.from(JSON.stringify([value, id])).toString("base64url");

beforeAll(async () => {
  await prisma.callRecord.createMany({
    data: [0, 1, 2].map((i) => ({
      callRecordId: 7_780_000_000_000n + BigInt(i),
      robotCallJobId: JOB,
      startTime: new Date(Date.UTC(2026, 2, 1, i)),
      chatDuration: 10 * i,
      source: "seed" as const,
      contentHash: "0".repeat(64),
      calledPhoneNumber: `1581234${String(i).padStart(4, "0")}`,
    })),
  });
});

const HOSTILE = [
  ["2026-03-01T00:00:00.000Z", "99999999999999999999999"],
  ["2026-03-01T00:00:00.000Z", "9223372036854775808"],
  ["-271821-04-20T00:00:00.000Z", "1"],
  ["+275760-09-13T00:00:00.000Z", "1"],
  ["2026-02-30T00:00:00.000Z", "1"],
  [1e308, "1"],
  [99999999999999999999999, "1"],
  [2147483648, "1"],
  [1.5, "1"],
  [{ a: 1 }, "1"],
] as const;

describe("cursors from a link are checked against their columns", () => {
  it("refuses ids above int64, durations outside int4 and instants PostgreSQL cannot hold", () => {
    for (const [value, id] of HOSTILE) {
      expect(decodeCursor(cursor(value, id), "start_time"), `${value} ${id}`).toBeNull();
      expect(decodeCursor(cursor(value, id), "chat_duration"), `${value} ${id}`).toBeNull();
    }
    expect(decodeCursor(cursor(20, "5"), "chat_duration")).toEqual({ value: 20, id: 5n });
    expect(decodeCursor("%%%", "start_time")).toBeNull();
  });

  it("shows the first page, and says the cursor was not read, instead of a database error", async () => {
    for (const sort of ["-start_time", "start_time", "-chat_duration", "chat_duration"]) {
      for (const [value, id] of HOSTILE) {
        const { filters, errors } = parseCallFilters(
          new URLSearchParams({ job: JOB.toString(), sort, cursor: cursor(value, id) }),
        );
        expect(errors).toEqual([]);
        const page = await listCallRecords(filters, ZONE);
        expect(page.cursorInvalid, `${sort} ${value} ${id}`).toBe(true);
        expect(page.rows).toHaveLength(3);
        expect((await countMatching(filters, ZONE)).value).toBe(3);
      }
    }
  });
});

describe("a masked number, pasted as the list shows it", () => {
  it("finds the records by its visible prefix and suffix", async () => {
    const find = async (q: string) =>
      (await listCallRecords(parseCallFilters(new URLSearchParams({ job: JOB.toString(), q })).filters, ZONE)).rows.map(
        (r) => r.called_phone_number,
      );
    expect(await find("158****0001")).toEqual(["15812340001"]);
    expect(await find(" 158**** 0002 ")).toEqual(["15812340002"]);
    expect(await find("159****0001")).toEqual([]);
    expect((await find("158****")).length).toBe(3);
  });
});
