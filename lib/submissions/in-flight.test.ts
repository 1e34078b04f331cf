import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "../db/client";
import { countMatching } from "../call-records/query/count";
import { getCallRecordDetail, listCallRecords } from "../call-records/query/data";
import { exportCallRecordsCsv } from "../call-records/export/export";
import { facetCounts } from "../call-records/query/facets";
import { parseCallFilters } from "../call-records/query/filters";
import { ingestCallRecords } from "../call-records/ingest/mutations";

afterAll(() => disconnectPrisma());

const newJob = () => BigInt(`0x${randomBytes(6).toString("hex")}`) + 1n;
const newId = () => BigInt(`0x${randomBytes(7).toString("hex")}`) + 1n;
const TZ = "Asia/Shanghai";
const byId = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A job's records in a running batch: the first `inFlight` with their job on
 * the wire, the rest waiting. As the worker leaves them: every record stored
 * `queued` (in flight is the job's state only).
 */
async function batchOf(n: number, inFlight: number): Promise<{ job: bigint; ids: bigint[] }> {
  const job = newJob();
  const ids = Array.from({ length: n }, newId).sort(byId);
  const r = await ingestCallRecords(
    ids.map((id, i) => ({
      call_record_id: id.toString(),
      robot_call_job_id: job.toString(),
      result_status: "ANSWERED",
      chat_duration: 20 + i,
      start_time: `2026-05-0${1 + (i % 3)} 10:00:00`,
      name: "王小明",
      called_phone_number: "13800001234",
    })),
    { source: "api" },
  );
  expect(r.summary.rejected).toBe(0);
  const [batch] = await prisma.$queryRaw<{ id: bigint }[]>`
    INSERT INTO submission_batches (kind, created_by, selection, time_zone, max_record_id, total, materialized)
    VALUES ('submit', 'test', '{"type":"job"}'::jsonb, 'UTC', 0, ${n}, true) RETURNING id`;
  await prisma.$executeRaw`
    WITH recs AS (UPDATE call_records SET submission_state = 'queued' WHERE robot_call_job_id = ${job} RETURNING id)
    INSERT INTO submission_jobs (batch_id, record_id, previous_state, state, attempts, lease_until, next_attempt_at)
    SELECT ${batch!.id}, id, 'not_submitted',
           CASE WHEN row_number() OVER (ORDER BY id) <= ${inFlight} THEN 'in_flight'::job_state ELSE 'queued'::job_state END,
           1, now() + interval '1 hour', now() + interval '1 hour'
    FROM recs`;
  // Out of every worker's reach (other test files run workers): paused, and due in an hour.
  await prisma.$executeRaw`UPDATE submission_batches SET status = 'paused' WHERE id = ${batch!.id}`;
  return { job, ids };
}

const filters = (params: Record<string, string | string[]>) => parseCallFilters(params).filters;

describe("records in flight (a state of the queue, not of the record)", () => {
  it("show as in_flight in the list, the record page and the export, and as queued once back in line", async () => {
    const { job, ids } = await batchOf(5, 2);
    const page = await listCallRecords(filters({ job: job.toString() }), TZ);
    const state = new Map(page.rows.map((r) => [r.call_record_id, r.submission_state]));
    expect(ids.map((id) => state.get(id))).toEqual(["in_flight", "in_flight", "queued", "queued", "queued"]);

    expect((await getCallRecordDetail(ids[0]!))?.submissionState).toBe("in_flight");
    expect((await getCallRecordDetail(ids[4]!))?.submissionState).toBe("queued");

    let csv = "";
    for await (const chunk of exportCallRecordsCsv(filters({ job: job.toString() }), TZ, { masked: true }))
      csv += chunk;
    const lines = csv.trim().split("\r\n");
    const column = lines[0]!
      .replace(/^\uFEFF/, "")
      .split(",")
      .indexOf("submission_state");
    const exported = new Map(lines.slice(1).map((l) => [l.split(",")[0], l.split(",")[column]]));
    expect(ids.map((id) => exported.get(id.toString()))).toEqual([
      "in_flight",
      "in_flight",
      "queued",
      "queued",
      "queued",
    ]);

    await prisma.$executeRaw`UPDATE submission_jobs SET state = 'queued' WHERE record_id = ${(await prisma.callRecord.findUnique({ where: { callRecordId: ids[0]! } }))!.id}`;
    expect((await getCallRecordDetail(ids[0]!))?.submissionState).toBe("queued");
  });

  it("are matched by submission=in_flight and not by submission=queued, in lists and counts", async () => {
    const { job, ids } = await batchOf(6, 2);
    const list = async (p: Record<string, string | string[]>) =>
      (await listCallRecords(filters({ job: job.toString(), ...p }), TZ)).rows.map((r) => r.call_record_id).sort(byId);
    expect(await list({ submission: "in_flight" })).toEqual(ids.slice(0, 2));
    expect(await list({ submission: "queued" })).toEqual(ids.slice(2));
    expect(await list({ submission: ["queued", "in_flight"] })).toEqual(ids);
    expect(await list({ submission: "not_submitted" })).toEqual([]);

    // Rollup path (job filter) and record path (free text): the same counts.
    for (const extra of [{}, { q: "王小明" }] as Record<string, string>[]) {
      const f = (p: Record<string, string | string[]>) => filters({ job: job.toString(), ...extra, ...p });
      expect(await countMatching(f({ submission: "in_flight" }), TZ)).toEqual({ value: 2, exact: true });
      expect(await countMatching(f({ submission: "queued" }), TZ)).toEqual({ value: 4, exact: true });
      const facets = await facetCounts(f({}), TZ);
      expect(facets.submission).toEqual([
        { value: "queued", count: 4 },
        { value: "in_flight", count: 2 },
      ]);
      // Another facet under a submission filter counts the records in flight only.
      const under = await facetCounts(f({ submission: "in_flight" }), TZ);
      expect(under.status).toEqual([{ value: "ANSWERED", count: 2 }]);
      expect(under.exact).toBe(true);
    }
    // By whole days (the daily rollups).
    const firstDay = await countMatching(
      filters({ job: job.toString(), submission: "in_flight", from: "2026-05-01", to: "2026-05-01" }),
      TZ,
    );
    expect(firstDay).toEqual({ value: 1, exact: true });
  });
});
