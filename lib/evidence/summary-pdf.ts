import { createRequire } from "node:module";
import path from "node:path";
import type { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { NUMERIC_DATE_TIME } from "../time/date-time-options";
import type { BundleScope, ManifestFile } from "./manifest";
import type { RecordSummary } from "./record-files";

/**
 * The bundle's printable summary (summary.pdf), in Chinese and English: what
 * it covers, who made it and why, each record's fields and outcome timeline,
 * and every file's SHA-256. The CJK font ships in an npm package
 * (@embedpdf/fonts-sc, Noto Sans SC, OFL) and is embedded (subset) in the
 * PDF, so it reads the same on a machine without Chinese fonts.
 */

const FONT_PACKAGE = "@embedpdf/fonts-sc";
const FONT_FILE = "NotoSansHans-Regular.otf";

let fontFile: string | undefined;
function fontPath(): string {
  if (!fontFile) {
    // Resolved at run time from the installed package (the web build leaves it out of the bundle).
    const require = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
    fontFile = path.join(path.dirname(require.resolve(FONT_PACKAGE)), "..", "fonts", FONT_FILE);
  }
  return fontFile;
}

export interface SummaryInput {
  createdAt: Date;
  createdBy: string;
  reason: string;
  scope: BundleScope;
  timeZone: string;
  keyId: string;
  records: RecordSummary[];
}

function zoned(date: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("sv-SE", { ...NUMERIC_DATE_TIME, timeZone }).format(date);
  return `${text} (${timeZone})`;
}

const MAX_TIMELINE = 60;

/** Draws the summary; `files` is read when drawing starts (by then every earlier file's hash is known). */
export function renderSummaryPdf(input: SummaryInput, files: () => readonly ManifestFile[]): Readable {
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    font: fontPath(),
    info: { Title: "Evidence bundle summary / 证据包摘要", Creator: "LVR Console" },
  });
  const hashes = new Map(files().map((f) => [f.path, f]));
  const heading = (text: string) => doc.moveDown(0.6).fontSize(13).text(text).moveDown(0.2).fontSize(9);
  const line = (label: string, value: string) => doc.fontSize(9).text(`${label}: ${value}`);

  doc.fontSize(16).text("证据包摘要 Evidence bundle summary");
  doc.moveDown(0.4).fontSize(9);
  const scope =
    input.scope.kind === "record"
      ? `通话记录 Call record ${input.scope.call_record_id}`
      : `任务 Job ${input.scope.robot_call_job_id}, ${input.scope.day} (${input.scope.time_zone})`;
  line("范围 Scope", scope);
  line("导出时间 Exported at", zoned(input.createdAt, input.timeZone));
  line("导出人 Exported by", input.createdBy);
  line("原因 Reason", input.reason);
  line("签名密钥 Signing key", input.keyId);
  line("记录数 Records", String(input.records.length));
  doc
    .moveDown(0.3)
    .fontSize(8)
    .text(
      "manifest.json 列出每个文件的 SHA-256，并以 Ed25519 签名（manifest.sig）。校验：npm run evidence:verify -- <bundle.zip>。" +
        " manifest.json lists every file's SHA-256 and is signed with Ed25519 (manifest.sig). Verify with npm run evidence:verify -- <bundle.zip>.",
    );

  for (const r of input.records) {
    heading(`通话记录 Call record ${r.callRecordId}`);
    for (const [label, value] of r.fields) line(label, value);
    heading("时间线 Outcome timeline");
    for (const e of r.timeline.slice(0, MAX_TIMELINE)) line(zoned(e.at, input.timeZone), `${e.zh} / ${e.en}`);
    if (r.timeline.length > MAX_TIMELINE)
      line("…", `另有 ${r.timeline.length - MAX_TIMELINE} 条 / ${r.timeline.length - MAX_TIMELINE} more (audit.json)`);
    heading("文件与 SHA-256 Files and SHA-256");
    for (const p of r.paths) {
      const f = hashes.get(p);
      doc.fontSize(7.5).text(`${p}  ${f ? `${f.sha256}  (${f.bytes} bytes)` : "-"}`);
    }
  }
  doc.end();
  return doc;
}
