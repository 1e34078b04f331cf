import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { compactRollups } from "../call-records/rollups";
import { csvCell } from "../csv/cell";
import { COUNTS, reconciliationCsv, reconciliationReport, type ReconciliationReport } from "./report";

// Two jobs over two days (ids of this file's own range), read back from the XLSX and compared with the report and its CSV.
const JOBS = [75_000_000_003_001n, 75_000_000_003_002n];
const ZONE = "Asia/Shanghai";
const QUERY = { from: "2026-05-01", to: "2026-05-02", job: JOBS };
let report: ReconciliationReport;

beforeAll(async () => {
  let id = 75_000_000_003_100n;
  const records = JOBS.flatMap((job, j) =>
    ["2026-05-01 09:00:00", "2026-05-01 10:00:00", "2026-05-02 11:00:00"].slice(0, 2 + j).map((start) => ({
      call_record_id: (id++).toString(),
      robot_call_job_id: job.toString(),
      result_status: "ANSWERED",
      chat_duration: 30,
      start_time: start,
    })),
  );
  expect((await ingestCallRecords(records, { source: "api" })).summary.rejected).toBe(0);
  await compactRollups();
  report = await reconciliationReport(QUERY, ZONE, 24, new Date(), { minutes: 60, callingHours: "08:00-21:00" });
});

async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("reconciliation")!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("the reconciliation report as XLSX", () => {
  it("holds the CSV's columns, rows and totals, read back with exceljs", async () => {
    expect(report.rows.length).toBe(3);
    const { reconciliationXlsx } = await import("./xlsx");
    const rows = await sheetRows(await buffer(reconciliationXlsx(report)));
    expect(rows[0]).toEqual(["day", "job", ...COUNTS]);
    expect(rows.slice(1, -1)).toEqual(report.rows.map((r) => [r.day, r.jobId, ...COUNTS.map((c) => r[c])]));
    // Job ids stay exact text (int64), the totals row as in the CSV.
    expect(typeof rows[1]![1]).toBe("string");
    expect(rows.at(-1)).toEqual(
      ["total", "", ...COUNTS.map((c) => report.totals[c])].map((v) => (v === "" ? undefined : v)),
    );
    const csv = reconciliationCsv(report, csvCell)
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    expect(rows.map((r) => Array.from({ length: csv[0]!.length }, (_, i) => String(r[i] ?? "")))).toEqual(csv);
  });
});
