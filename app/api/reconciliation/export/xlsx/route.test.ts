import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { sessionFor } from "@/lib/auth/test-session";
import { ingestCallRecords } from "@/lib/call-records/ingest/mutations";
import { compactRollups } from "@/lib/call-records/rollups";
import { GET } from "./route";

const JOB = 75_000_000_004_001n;

beforeAll(async () => {
  const records = ["2026-06-01 09:00:00", "2026-06-02 09:00:00"].map((start, i) => ({
    call_record_id: (75_000_000_004_100n + BigInt(i)).toString(),
    robot_call_job_id: JOB.toString(),
    result_status: "ANSWERED",
    start_time: start,
  }));
  expect((await ingestCallRecords(records, { source: "api" })).summary.rejected).toBe(0);
  await compactRollups();
});

describe("GET /api/reconciliation/export/xlsx", () => {
  it("answers a supervisor the workbook, and a 400 naming a bad parameter", async () => {
    const cookie = `${SESSION_COOKIE}=${(await sessionFor("supervisor")).token}`;
    const res = await GET(
      new Request(`http://x/api/reconciliation/export/xlsx?from=2026-06-01&to=2026-06-02&job=${JOB}`, {
        headers: { cookie },
      }),
      undefined,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const values: unknown[][] = [];
    workbook.getWorksheet("reconciliation")!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values.map((r) => r.slice(0, 3))).toEqual([
      ["day", "job", "received"],
      // Newest day first, as on the page and in the CSV.
      ["2026-06-02", JOB.toString(), 1],
      ["2026-06-01", JOB.toString(), 1],
      ["total", undefined, 2],
    ]);
    const bad = await GET(
      new Request("http://x/api/reconciliation/export/xlsx?from=2026-13-01", { headers: { cookie } }),
      undefined,
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toEqual([expect.objectContaining({ param: "from" })]);
  });
});
