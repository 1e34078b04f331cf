import "server-only";
import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { COUNTS, type ReconciliationReport } from "./report";

/**
 * The report as an XLSX workbook: the CSV's columns and totals row, written
 * with exceljs's streaming WorkbookWriter (each row is committed as it is
 * added, so the workbook is never held whole). Job ids are text: they are
 * int64 and a spreadsheet number would round them.
 */
export function reconciliationXlsx(report: ReconciliationReport): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("reconciliation", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "day", key: "day", width: 12 },
    { header: "job", key: "job", width: 22 },
    ...COUNTS.map((c) => ({ header: c, key: c, width: 14 })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const r of report.rows) sheet.addRow([r.day, r.jobId, ...COUNTS.map((c) => r[c])]).commit();
  const totals = sheet.addRow(["total", "", ...COUNTS.map((c) => report.totals[c])]);
  totals.font = { bold: true };
  totals.commit();
  sheet.commit();
  workbook.commit().catch((err: Error) => out.destroy(err));
  return out;
}
