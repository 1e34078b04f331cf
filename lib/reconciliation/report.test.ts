import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, Prisma, prisma } from "../db/client";
import { compactRollups, rollupTimeZone } from "../call-records/rollups";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { countMatching } from "../call-records/query/count";
import { parseCallFilters } from "../call-records/query/filters";
import { parseReconciliationParams } from "./schema";
import { callsLink, COUNTS, reconciliationReport, type ReconciliationRow } from "./report";

afterAll(() => disconnectPrisma());

const newJob = () => BigInt(`0x${randomBytes(6).toString("hex")}`) + 1n;
const newId = () => BigInt(`0x${randomBytes(7).toString("hex")}`) + 1n;
const NOW = new Date("2026-03-10T12:00:00Z");
const HOURS = 24;
const CUTOFF = new Date(NOW.getTime() - HOURS * 3_600_000);

function wire(id: bigint, job: bigint, start: string) {
  return {
    call_record_id: id.toString(),
    robot_call_job_id: job.toString(),
    result_status: "ANSWERED",
    chat_duration: 30,
    start_time: start,
  };
}

/** The report's rows of one job counted afresh from call_records (COUNT(*) GROUP BY), with in_flight from the queue. */
async function freshRows(job: bigint, zone: string): Promise<ReconciliationRow[]> {
  const rows = await prisma.$queryRaw<
    {
      day: Date;
      received: bigint;
      not_submitted: bigint;
      queued: bigint;
      in_flight: bigint;
      accepted: bigint;
      rejected: bigint;
      failed: bigint;
      overdue: bigint;
    }[]
  >(Prisma.sql`
    SELECT (start_time AT TIME ZONE ${zone})::date AS day, count(*) AS received,
           count(*) FILTER (WHERE s = 'not_submitted') AS not_submitted, count(*) FILTER (WHERE s IN ('queued', 'retrying')) AS queued,
           count(*) FILTER (WHERE s = 'in_flight') AS in_flight, count(*) FILTER (WHERE s = 'accepted') AS accepted,
           count(*) FILTER (WHERE s = 'rejected') AS rejected, count(*) FILTER (WHERE s = 'failed') AS failed,
           count(*) FILTER (WHERE s <> 'accepted' AND received_at < ${CUTOFF}) AS overdue
    FROM (SELECT *, CASE WHEN id IN (SELECT record_id FROM submission_jobs WHERE state = 'in_flight') THEN 'in_flight' ELSE submission_state::text END AS s
          FROM call_records WHERE robot_call_job_id = ${job} AND start_time IS NOT NULL) c
    GROUP BY 1 ORDER BY 1 DESC`);
  return rows.map(
    (r) =>
      ({
        day: r.day.toISOString().slice(0, 10),
        jobId: job.toString(),
        ...Object.fromEntries(COUNTS.map((c) => [c, Number(r[c])])),
      }) as ReconciliationRow,
  );
}

async function report(job: bigint) {
  const zone = await rollupTimeZone();
  const { query, errors } = parseReconciliationParams(
    { from: "2026-03-01", to: "2026-03-09", job: job.toString() },
    zone,
    NOW,
  );
  expect(errors).toEqual([]);
  return reconciliationReport(query, zone, HOURS, NOW, { minutes: 60, callingHours: "08:00-21:00" });
}

async function expectFresh(job: bigint) {
  const r = await report(job);
  const zone = await rollupTimeZone();
  expect(r.rows).toEqual(await freshRows(job, zone));
  return r;
}

describe("reconciliation report", () => {
  it("equals a fresh count through inserts, submissions, deletes and compaction", async () => {
    const job = newJob();
    const ids = Array.from({ length: 30 }, newId);
    await ingestCallRecords(
      ids.map((id, i) => wire(id, job, i % 2 ? "2026-03-01 23:30:00" : "2026-03-02 09:00:00")),
      { source: "api" },
    );
    const first = await expectFresh(job);
    expect(first.totals.received).toBe(30);
    expect(first.rows.map((r) => r.day)).toEqual(["2026-03-02", "2026-03-01"]);

    const set = (
      from: number,
      to: number,
      submissionState: "accepted" | "rejected" | "failed" | "queued" | "retrying",
    ) =>
      prisma.callRecord.updateMany({ where: { callRecordId: { in: ids.slice(from, to) } }, data: { submissionState } });
    await set(0, 8, "accepted");
    await set(8, 11, "rejected");
    await set(11, 13, "failed");
    await set(13, 16, "queued");
    await set(16, 18, "retrying");
    // Received long ago: overdue unless accepted.
    await prisma.callRecord.updateMany({
      where: { callRecordId: { in: ids.slice(0, 20) } },
      data: { receivedAt: new Date(CUTOFF.getTime() - 3_600_000) },
    });
    const submitted = await expectFresh(job);
    expect(submitted.totals).toMatchObject({
      accepted: 8,
      rejected: 3,
      failed: 2,
      queued: 5,
      not_submitted: 12,
      overdue: 12,
    });

    await prisma.callRecord.deleteMany({ where: { callRecordId: { in: ids.slice(25) } } });
    await expectFresh(job);
    await compactRollups();
    const after = await expectFresh(job);
    expect(after.totals.received).toBe(25);
  });

  it("counts overdue strictly before now − RECONCILE_OVERDUE_HOURS, and its link lists exactly those records", async () => {
    const job = newJob();
    const ids = Array.from({ length: 4 }, newId);
    await ingestCallRecords(
      ids.map((id) => wire(id, job, "2026-03-05 10:00:00")),
      { source: "api" },
    );
    const at = (i: number, receivedAt: Date) =>
      prisma.callRecord.updateMany({ where: { callRecordId: ids[i]! }, data: { receivedAt } });
    await at(0, new Date(CUTOFF.getTime() - 1)); // just past the limit: overdue
    await at(1, CUTOFF); // exactly at the limit: not yet
    await at(2, new Date(CUTOFF.getTime() - 86_400_000));
    await prisma.callRecord.updateMany({ where: { callRecordId: ids[2]! }, data: { submissionState: "accepted" } }); // old but accepted
    const r = await expectFresh(job);
    expect(r.totals.overdue).toBe(1);

    const zone = await rollupTimeZone();
    for (const count of COUNTS) {
      const href = callsLink(
        count,
        { from: r.rows[0]!.day, to: r.rows[0]!.day, job: [job.toString()] },
        r.overdueBefore,
      );
      const parsed = parseCallFilters(
        Object.fromEntries(
          [...new URL(href, "http://x").searchParams.keys()].map((k) => [
            k,
            new URL(href, "http://x").searchParams.getAll(k),
          ]),
        ),
      );
      expect(parsed.errors).toEqual([]);
      expect((await countMatching(parsed.filters, zone)).value, count).toBe(r.rows[0]![count]);
    }
  });

  it("reports bad parameters and falls back to a bounded range", () => {
    const p = parseReconciliationParams(
      { from: "2026-02-30", to: "2026-03-05", job: ["12", "abc"] },
      "Asia/Shanghai",
      NOW,
    );
    expect(p.errors.map((e) => e.param)).toEqual(["job", "from"]);
    expect(p.query).toEqual({ from: "2026-02-27", to: "2026-03-05", job: [12n] });
    expect(parseReconciliationParams({ from: "2026-03-05", to: "2026-03-01" }, "Asia/Shanghai", NOW).errors).toEqual([
      { param: "to", message: "must not be before from" },
    ]);
    const wide = parseReconciliationParams({ from: "2020-01-01", to: "2026-03-01" }, "Asia/Shanghai", NOW);
    expect(wide.errors.map((e) => e.param)).toEqual(["from"]);
    expect(wide.query.from).toBe("2025-03-01");
    // No range: the last week up to today in the zone (NOW is 20:00 on the 10th in Shanghai).
    expect(parseReconciliationParams({}, "Asia/Shanghai", NOW).query).toEqual({
      from: "2026-03-04",
      to: "2026-03-10",
      job: [],
    });
  });
});
