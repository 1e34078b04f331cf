import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { rollupTimeZone } from "../call-records/rollups";
import { parseReconciliationParams } from "./schema";
import { configuredReport, reconciliationReport } from "./report";
import { callingWindows, zonedMinute } from "./gaps";

const GAPS = (minutes: number) => ({ minutes, callingHours: "08:00-21:00" });

afterAll(() => disconnectPrisma());

// This file's ids: 76000000000000–76000099999999 (jobs 7600000000xxxx).
const JOB = 76000000000101n;
const QUIET_JOB = 76000000000102n;
let next = 76000000000000n;
const wire = (job: bigint, start: string) => ({
  call_record_id: (++next).toString(),
  robot_call_job_id: job.toString(),
  result_status: "ANSWERED",
  chat_duration: 20,
  start_time: start, // GMT+8 wall time: the tests' DISPLAY_TIME_ZONE is Asia/Shanghai
});

describe("reconciliation gaps", () => {
  it("flags a planted silence inside calling hours, and neither the night nor a silence of exactly the limit", async () => {
    const zone = await rollupTimeZone();
    expect(zone).toBe("Asia/Shanghai");
    await prisma.callRecord.deleteMany({ where: { robotCallJobId: { in: [JOB, QUIET_JOB] } } });
    await ingestCallRecords(
      [
        // 2026-04-02: steady calls, then silent 10:00 → 12:15 (the planted gap), then on until 20:50.
        ...["09:00", "09:30", "10:00", "12:15", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00", "20:00"]
          .map((t) => wire(JOB, `2026-04-02 ${t}:00`))
          .concat(wire(JOB, "2026-04-02 20:50:00")),
        // The night: nothing from 20:50 to 08:05 the next morning, then calls again.
        wire(JOB, "2026-04-03 08:05:00"),
        wire(JOB, "2026-04-03 08:40:00"),
        // A call before calling hours and the next at 09:30: only 08:00–09:30 counts (90 min).
        wire(JOB, "2026-04-04 06:30:00"),
        wire(JOB, "2026-04-04 09:30:00"),
        // Exactly the limit (60 min) is no gap; a silence mostly after 21:00 is none either.
        wire(QUIET_JOB, "2026-04-02 19:00:00"),
        wire(QUIET_JOB, "2026-04-02 20:00:00"),
        wire(QUIET_JOB, "2026-04-02 20:30:00"),
        wire(QUIET_JOB, "2026-04-02 23:50:00"),
      ],
      { source: "api" },
    );
    const { query, errors } = parseReconciliationParams(
      { from: "2026-04-01", to: "2026-04-05", job: [JOB.toString(), QUIET_JOB.toString()] },
      zone,
    );
    expect(errors).toEqual([]);
    const report = await reconciliationReport(query, zone, 24, new Date("2026-04-06T00:00:00Z"), GAPS(60));
    expect(report.gapMinutes).toBe(60);
    // Every surface (page, CSV, XLSX, API) counts with the configured settings, none with defaults of its own.
    const configured = await configuredReport(
      query,
      {
        DISPLAY_TIME_ZONE: zone,
        RECONCILE_OVERDUE_HOURS: 24,
        RECONCILE_GAP_MINUTES: 60,
        COMPLIANCE_CALLING_HOURS: "08:00-21:00",
      },
      new Date("2026-04-06T00:00:00Z"),
    );
    expect(configured).toEqual(report);
    const narrow = await configuredReport(query, {
      DISPLAY_TIME_ZONE: zone,
      RECONCILE_OVERDUE_HOURS: 24,
      RECONCILE_GAP_MINUTES: 200,
      COMPLIANCE_CALLING_HOURS: "09:00-18:00",
    });
    expect([narrow.gapMinutes, narrow.callingHours]).toEqual([200, "09:00-18:00"]);
    expect(report.gaps).toEqual([
      {
        day: "2026-04-04",
        jobId: JOB.toString(),
        from: zonedMinute("2026-04-04", 8 * 60, zone).toISOString(),
        to: "2026-04-04T01:30:00.000Z",
        minutes: 90,
      },
      {
        day: "2026-04-02",
        jobId: JOB.toString(),
        from: "2026-04-02T02:00:00.000Z",
        to: "2026-04-02T04:15:00.000Z",
        minutes: 135,
      },
    ]);
    // The existing counts are untouched by the gaps.
    expect(report.totals.received).toBe(21);

    // A tighter limit finds the 45-minute silence as well; a looser one none.
    const tight = await reconciliationReport(query, zone, 24, new Date("2026-04-06T00:00:00Z"), GAPS(44));
    expect(tight.gaps.map((g) => [g.day, g.minutes])).toContainEqual(["2026-04-02", 45]);
    const loose = await reconciliationReport(query, zone, 24, new Date("2026-04-06T00:00:00Z"), GAPS(200));
    expect(loose.gaps).toEqual([]);
  });

  it("reads COMPLIANCE_CALLING_HOURS, a window across midnight as the day's two ends", () => {
    expect(callingWindows("08:00-21:00")).toEqual([{ start: 480, end: 1260 }]);
    expect(callingWindows("09:30-24:00")).toEqual([{ start: 570, end: 1440 }]);
    expect(callingWindows("20:00-02:00")).toEqual([
      { start: 0, end: 120 },
      { start: 1200, end: 1440 },
    ]);
  });

  it("places calling hours in the zone's wall time, DST included", () => {
    expect(zonedMinute("2026-04-02", 8 * 60, "Asia/Shanghai").toISOString()).toBe("2026-04-02T00:00:00.000Z");
    // New York: 08:00 is 13:00Z in winter, 12:00Z after the March change.
    expect(zonedMinute("2026-03-07", 8 * 60, "America/New_York").toISOString()).toBe("2026-03-07T13:00:00.000Z");
    expect(zonedMinute("2026-03-09", 8 * 60, "America/New_York").toISOString()).toBe("2026-03-09T12:00:00.000Z");
  });
});
