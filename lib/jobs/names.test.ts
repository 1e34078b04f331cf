import { describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { exportCallRecordsCsv } from "../call-records/export/export";
import { parseCallFilters } from "../call-records/query/filters";
import { prisma, Prisma } from "../db/client";
import { sessionFor } from "../auth/test-session";
import { CORRECTION_JOIN, RECORD_AS_SENT, toIvrCallRecordDto, type RecordForSubmission } from "../submissions/dto";
import { buildReceiveCallRecordRequest } from "../top/request";
import { saveJobName } from "./name-mutations";
import { jobNameSchema } from "./name-schema";
import { findJobsByName, getJobName, jobNames } from "./names";

const JOB = 7_310_000_000_000_001n;
const record = (id: bigint, extra: Record<string, unknown> = {}) => ({
  call_record_id: id.toString(),
  robot_call_job_id: JOB.toString(),
  result_status: "ANSWERED",
  start_time: "2026-11-20 09:00:00",
  ...extra,
});

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let s = "";
  for await (const c of gen) s += c;
  return s;
}

describe("job names", () => {
  it("takes ingest's robot_call_job_name when the job has no name, never overwrites one, and never sends it to TOP", async () => {
    const r = await ingestCallRecords([record(731_000_001n, { robot_call_job_name: "十一月催收 A" })], {
      source: "api",
    });
    expect(r.results[0]).toMatchObject({ outcome: "created", errors: [] });
    expect((await getJobName(JOB))?.name).toBe("十一月催收 A");

    await ingestCallRecords([record(731_000_002n, { robot_call_job_name: "another vendor name" })], { source: "api" });
    expect((await getJobName(JOB))?.name).toBe("十一月催收 A");

    // What the worker sends: the DTO picked field by field, then TOP's parameters.
    const rows = await prisma.$queryRaw<RecordForSubmission[]>(
      Prisma.sql`SELECT ${RECORD_AS_SENT} FROM call_records r ${CORRECTION_JOIN} WHERE r.robot_call_job_id = ${JOB}`,
    );
    for (const row of rows) {
      const dto = toIvrCallRecordDto({ ...row, robot_call_job_name: "leak" } as RecordForSubmission);
      expect(Object.keys(dto)).not.toContain("robot_call_job_name");
      const request = buildReceiveCallRecordRequest(
        { appKey: "k", appSecret: "s", signMethod: "md5", format: "json" },
        dto,
      );
      expect(request.body).not.toMatch(/robot_call_job_name|leak/);
      expect(decodeURIComponent(request.body)).not.toContain("十一月催收");
    }
  });

  it("lets a supervisor name a job (name, creditor, note), on the audit trail, and finds jobs by name or creditor", async () => {
    const s = await sessionFor("supervisor");
    const actor = { id: s.userId, email: s.email };
    const input = jobNameSchema.parse({
      jobId: JOB.toString(),
      name: "  Mediation Q4 ",
      creditor: "招商银行",
      note: "",
    });
    expect(input).toMatchObject({ name: "Mediation Q4", creditor: "招商银行", note: null });
    await saveJobName(input, actor);
    expect(await getJobName(JOB)).toMatchObject({ name: "Mediation Q4", creditor: "招商银行", note: null });
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "jobs.name", target: `job:${JOB}` },
      orderBy: { id: "desc" },
    });
    expect(audit?.details).toMatchObject({
      before: { name: "十一月催收 A" },
      after: { name: "Mediation Q4", creditor: "招商银行" },
    });

    expect((await findJobsByName("mediation")).map((j) => j.jobId)).toContain(JOB.toString());
    expect((await findJobsByName("招商")).map((j) => j.jobId)).toContain(JOB.toString());
    expect((await findJobsByName("7310000")).map((j) => j.jobId)).toContain(JOB.toString());
    expect(await findJobsByName("no such job 100%")).toEqual([]);
    expect((await jobNames([JOB, 1n])).size).toBe(1);
  });

  it("exports the job's name as the last column", async () => {
    const csv = await collect(
      exportCallRecordsCsv(parseCallFilters(new URLSearchParams(`job=${JOB}`)).filters, "Asia/Shanghai", {
        masked: true,
      }),
    );
    const [header, row] = csv.replace("\uFEFF", "").split("\r\n");
    expect(header!.split(",").at(-1)).toBe("robot_call_job_name");
    expect(row!.split(",").at(-1)).toBe("Mediation Q4");
  });
});
