import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { disconnectPrisma, inTransaction, Prisma, prisma } from "../db/client";
import { CHECKED_KINDS, CHECKED_MASK } from "./check-sql";
import { checkRecords, complianceSettings } from "./checks";
import { queuedFollowups, runFollowups } from "./followups";

afterAll(() => disconnectPrisma());

// Test ids of this file: 77100000000000–77109999999999 (tests share one database).
const BASE = 77_100_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const RUN = randomInt(0, 10_000_000).toString().padStart(7, "0");
const JOB = BASE + 999n;

/** A small deterministic generator: the same run of calls for the same seed. */
function generator(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
}

interface Wire {
  call_record_id: string;
  robot_call_job_id: string;
  called_phone_number: string;
  result_status: string;
  chat_duration: number;
  start_time: string;
  end_time: string;
  full_audio_url: string;
}

/** A 30 s answered call at `local` minutes after 2026-07-01 00:00 in the display time zone (Asia/Shanghai). */
function call(id: bigint, number: string, minutes: number): Wire {
  const start = new Date(Date.UTC(2026, 6, 1) - 8 * 3600_000 + minutes * 60_000);
  const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
  return {
    call_record_id: id.toString(),
    robot_call_job_id: JOB.toString(),
    called_phone_number: number,
    result_status: "ANSWERED",
    chat_duration: 30,
    start_time: fmt(start),
    end_time: fmt(new Date(start.getTime() + 30_000)),
    full_audio_url: "https://example.test/a.wav",
  };
}

/** The checked kinds' bits and findings of the records, by call_record_id. */
async function outcome(ids: bigint[]) {
  const records = await prisma.callRecord.findMany({
    where: { callRecordId: { in: ids } },
    select: {
      callRecordId: true,
      complianceFlags: true,
      complianceFindings: {
        where: { kind: { in: [...CHECKED_KINDS] } },
        select: { kind: true, code: true, detail: true },
      },
    },
    orderBy: { callRecordId: "asc" },
  });
  return records.map((r) => ({
    id: r.callRecordId.toString(),
    flags: r.complianceFlags & CHECKED_MASK,
    findings: r.complianceFindings.map((f) => JSON.stringify(f)).sort(),
  }));
}

describe("the ingest's own check and the followups", () => {
  it("leave every call as a fresh check of the stored calls finds it, whatever the order and grouping of pushes", async () => {
    const rnd = generator(Number(BASE % 1_000_000n));
    const numbers = Array.from({ length: 4 }, (_, i) => `178${RUN}${i}`);
    const ids = Array.from({ length: 90 }, (_, i) => BASE + BigInt(i));
    // Nine days, calls bunched in the mornings and evenings (both sides of midnight), some at the same instant.
    const minutesOf = () => rnd(9) * 1440 + [60, 420, 600, 1200, 1430][rnd(5)]! + (rnd(3) === 0 ? 0 : rnd(30));
    let calls = ids.map((id) => call(id, numbers[rnd(numbers.length)]!, minutesOf()));
    const shuffled = [...calls].sort(() => rnd(3) - 1);
    for (const size of [1, 7, 25, 2, 55]) await ingest(shuffled.splice(0, size));
    expect(shuffled).toHaveLength(0);
    // Re-pushes: calls that move in time or to another number, and one that changes nothing.
    const moved = calls
      .slice(0, 12)
      .map((c, i) =>
        i % 2
          ? { ...call(BigInt(c.call_record_id), c.called_phone_number, minutesOf()) }
          : { ...c, called_phone_number: numbers[rnd(4)]! },
      );
    calls = [...moved, ...calls.slice(12)];
    await ingest([...moved.slice(0, 6), calls[40]!]);
    await ingest(moved.slice(6));

    expect(await queuedFollowups()).toBeGreaterThan(0);
    await runFollowups();
    const settled = await outcome(ids);
    expect(settled.some((r) => r.flags !== 0)).toBe(true);
    const target = Prisma.sql`SELECT id FROM call_records WHERE call_record_id IN (${Prisma.join(ids)})`;
    await inTransaction((rows) => checkRecords(rows, target, complianceSettings()));
    expect(await outcome(ids)).toEqual(settled);
  });

  it("queues nothing when no stored call follows the ones written (calls pushed as they end)", async () => {
    const number = `179${RUN}0`;
    const ids = Array.from({ length: 6 }, (_, i) => BASE + 500n + BigInt(i));
    for (const [i, id] of ids.entries()) await ingest([call(id, number, 600 + i * 10)]);
    expect(await prisma.complianceFollowup.count({ where: { calledPhoneNumber: number } })).toBe(0);
    const flags = (await outcome(ids)).map((r) => r.flags);
    expect(flags).toEqual([0, 0, 0, 2, 2, 2]);
  });
});

describe("the ids of a batch's new calls", () => {
  it("follow their call_record_id order, whatever the order they were sent in (the list's tie-break)", async () => {
    const ids = [7n, 3n, 9n, 1n, 5n].map((n) => BASE + 700n + n);
    await ingest(ids.map((id) => call(id, `179${RUN}1`, 600)));
    const stored = await prisma.callRecord.findMany({
      where: { callRecordId: { in: ids } },
      orderBy: { id: "asc" },
      select: { callRecordId: true },
    });
    expect(stored.map((r) => r.callRecordId)).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
  });
});

async function ingest(records: Wire[]) {
  const res = await ingestCallRecords(records, { source: "api" });
  expect(res.summary.rejected).toBe(0);
}
