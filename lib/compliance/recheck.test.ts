import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { queueRecheck, runRecheckChunk } from "./recheck";
import { complianceSettings } from "./checks";

afterAll(() => disconnectPrisma());

// Test ids of this file: 77009000000000–77009999999999 (the checks test has those below).
const BASE = 77_009_000_000_000n + BigInt(randomInt(0, 900_000)) * 1_000n;

describe("a job's recheck", () => {
  it("applies the job's new calling window to its stored calls, chunk by chunk", async () => {
    const job = BASE + 999n;
    const records = [0, 1, 2, 3, 4].map((i) => ({
      call_record_id: (BASE + BigInt(i)).toString(),
      robot_call_job_id: job.toString(),
      called_phone_number: `1770${BASE.toString().slice(-7)}${i}`,
      result_status: "ANSWERED",
      chat_duration: 10,
      start_time: `2026-07-01 ${8 + i * 3}:00:00`.replace(" 8:", " 08:"),
      end_time: `2026-07-01 ${8 + i * 3}:00:10`.replace(" 8:", " 08:"),
      full_audio_url: "https://example.test/a.wav",
    }));
    await ingestCallRecords(records, { source: "api" });
    const flags = async () =>
      (
        await prisma.callRecord.findMany({
          where: { robotCallJobId: job },
          orderBy: { callRecordId: "asc" },
          select: { complianceFlags: true },
        })
      ).map((r) => r.complianceFlags);
    // 08:00, 11:00, 14:00, 17:00, 20:00: all inside 08:00-21:00.
    expect(await flags()).toEqual([0, 0, 0, 0, 0]);
    await prisma.robotCallJob.upsert({
      where: { robotCallJobId: job },
      create: { robotCallJobId: job, callingHours: "10:00-15:00" },
      update: { callingHours: "10:00-15:00" },
    });
    await queueRecheck(job, "test");
    // Only this job's recheck: a worker other test files start may have queued one of every record.
    expect(await runRecheckChunk(complianceSettings(), 2, job)).toBe(2);
    while ((await runRecheckChunk(complianceSettings(), 2, job)) > 0);
    expect(await flags()).toEqual([1, 0, 0, 1, 1]);
    expect(await prisma.complianceRecheck.count({ where: { robotCallJobId: job } })).toBe(0);
  });
});
