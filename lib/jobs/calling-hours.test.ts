import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { disconnectPrisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { complianceSettings } from "../compliance/checks";
import { runRecheckChunk } from "../compliance/recheck";
import { jobNameSchema } from "./name-schema";

/**
 * A job's calling window, set on its page through the job's edit action:
 * validated, cleared by blank, audited, and its stored calls rechecked; and
 * hostile values refused with nothing written.
 */

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));

const { saveJobNameAction } = await import("./actions");

afterAll(() => disconnectPrisma());

// Ids of this file: 78800000000000–78800999999999 (test files share one database).
const BASE = 78_800_000_000_000n + BigInt(randomInt(0, 900_000)) * 1_000n;
const JOB = BASE + 999n;
const form = (callingHours?: unknown) =>
  ({ jobId: JOB.toString(), name: "Hours test", creditor: "", note: "", callingHours }) as Parameters<
    typeof saveJobNameAction
  >[0];

let supervisorId = 0n;
beforeAll(async () => {
  const s = await sessionFor("supervisor");
  token = s.token;
  supervisorId = s.userId;
});

describe("the calling hours field", () => {
  it.each([
    ["08:00-21:00", "08:00-21:00"],
    [" 09:30 - 18:00 ", "09:30-18:00"],
    ["22:00-06:00", "22:00-06:00"], // across midnight
    ["00:00-24:00", "00:00-24:00"],
    ["", null],
    ["   ", null],
  ])("takes %j as %j", (typed, stored) => {
    expect(jobNameSchema.parse(form(typed)).callingHours).toBe(stored);
  });

  it("leaves the window as it is when the field is absent", () => {
    expect(jobNameSchema.parse(form(undefined)).callingHours).toBeUndefined();
  });
});

const rechecks = () => prisma.complianceRecheck.findMany({ where: { robotCallJobId: JOB } });
const auditCount = () => prisma.auditEvent.count({ where: { actorId: supervisorId } });
const stored = () => prisma.robotCallJob.findUnique({ where: { robotCallJobId: JOB } });

async function runJobRecheck() {
  for (let i = 0; i < 200; i++) {
    if ((await runRecheckChunk(complianceSettings(), 1_000, JOB)) > 0) continue;
    if ((await rechecks()).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the recheck did not finish");
}

describe("setting a job's calling hours", () => {
  it("stores the window, audits it, rechecks the job's calls, and clears it by blank", async () => {
    const at = ["08:30", "12:00", "20:00"];
    await ingestCallRecords(
      at.map((time, i) => ({
        call_record_id: (BASE + BigInt(i)).toString(),
        robot_call_job_id: JOB.toString(),
        called_phone_number: `1780${BASE.toString().slice(-7)}${i}`,
        result_status: "ANSWERED",
        chat_duration: 10,
        start_time: `2026-07-01 ${time}:00`,
        end_time: `2026-07-01 ${time}:10`,
        full_audio_url: "https://example.test/a.wav",
      })),
      { source: "api" },
    );
    const flags = async () =>
      (
        await prisma.callRecord.findMany({
          where: { robotCallJobId: JOB },
          orderBy: { callRecordId: "asc" },
          select: { complianceFlags: true },
        })
      ).map((r) => r.complianceFlags);
    expect(await flags()).toEqual([0, 0, 0]);

    const set = await saveJobNameAction(form(" 10:00 - 15:00 "));
    expect(set).toMatchObject({ ok: true, data: { callingHours: "10:00-15:00", recheckQueued: true } });
    expect((await stored())?.callingHours).toBe("10:00-15:00");
    expect(await rechecks()).toMatchObject([{ scope: "checks", reason: "calling_hours" }]);
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "jobs.calling_hours", target: `job:${JOB}` },
      orderBy: { id: "desc" },
    });
    expect(audit?.details).toMatchObject({ before: null, after: "10:00-15:00", recheck_queued: true });
    await runJobRecheck();
    expect(await flags()).toEqual([1, 0, 1]);

    // The same window again: nothing to recheck.
    expect(await saveJobNameAction(form("10:00-15:00"))).toMatchObject({ ok: true, data: { recheckQueued: false } });
    expect(await rechecks()).toEqual([]);
    // Absent: the name is saved, the window kept.
    expect(await saveJobNameAction(form(undefined))).toMatchObject({
      ok: true,
      data: { callingHours: "10:00-15:00", recheckQueued: false },
    });

    expect(await saveJobNameAction(form(""))).toMatchObject({ ok: true, data: { callingHours: null } });
    expect((await stored())?.callingHours).toBeNull();
    await runJobRecheck();
    expect(await flags()).toEqual([0, 0, 0]);
  });

  it.each([
    ["8:00-21:00", "callingHours: must be"],
    ["24:00-08:00", "callingHours: must be"],
    ["08:60-09:00", "callingHours: must be"],
    ["08:00-25:00", "callingHours: must be"],
    ["08:00", "callingHours: must be"],
    ["08:00—21:00", "callingHours: must be"],
    ["08:00-21:00,22:00-23:00", "callingHours: must be"],
    ["08:00-21:00'; DROP TABLE robot_call_jobs; --", "callingHours: is too long"],
    ["０８:００-２１:００", "callingHours: must be"],
    ["08:00-08:00", "callingHours: starts and ends at the same time"],
    ["x".repeat(10_000), "callingHours: is too long"],
    ["08:00-21:00\u0000", "input: must not contain NUL bytes"],
    [800, "callingHours:"],
    [null, "callingHours:"],
    [["08:00-21:00"], "callingHours:"],
    [{ start: "08:00", end: "21:00" }, "callingHours:"],
  ])("refuses %j with a clear error and writes nothing", async (value, message) => {
    const before = { job: await stored(), rechecks: await rechecks(), audit: await auditCount() };
    const r = await saveJobNameAction(form(value));
    expect(r).toMatchObject({ ok: false, code: "invalid_input" });
    if (!r.ok) expect(r.message).toContain(message);
    expect({ job: await stored(), rechecks: await rechecks(), audit: await auditCount() }).toEqual(before);
  });

  it("refuses a job id that is not one, without a fault", async () => {
    for (const jobId of ["12x", "-1", "0", "9223372036854775808", ""])
      expect(await saveJobNameAction({ ...form("08:00-21:00"), jobId })).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
  });
});
