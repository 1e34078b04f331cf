import "server-only";
import { createReadStream } from "node:fs";
import { open, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { CsvError, CsvParser, type CsvRow } from "./csv";
import {
  addSummaries,
  emptySummary,
  MAX_RECORDS_PER_BATCH,
  type IngestSummary,
} from "../../lib/call-records/ingest/ingest-result";
import { JsonSyntaxError, parseJsonExact, stringifyJson } from "../../lib/call-records/json-bigint";
import { LineSplitter } from "./line-splitter";
import { ingestCallRecords } from "../../lib/call-records/ingest/mutations";
import { formatDuration, ImportProgress, ratePerSecond, type ProgressStream } from "./progress";
import { callRecordWireSchema, WRAPPED_DTO_KEY, type FieldError } from "../../lib/call-records/schema";

/**
 * `npm run import -- <file>`: CSV or NDJSON call records through the same
 * validation and idempotent upsert as the ingest API, streamed in batches of
 * 1,000 (memory stays flat whatever the file size). Rejected rows go to
 * `<file>.rejected.ndjson` as `{ "line", "record", "errors" }`, written only
 * when something was rejected (a stale file from an earlier run is removed).
 */

export type ImportFormat = "csv" | "ndjson";

export interface ImportOptions {
  /** Default: by extension (.csv, .ndjson, .jsonl), else sniffed from the first character. */
  format?: ImportFormat;
  /** Records per upsert statement, 1 to 1,000. */
  batchSize?: number;
  /** Default `<file>.rejected.ndjson`. */
  rejectsPath?: string;
  /** Progress line target; default process.stderr; null for none. */
  progress?: { stream: ProgressStream; intervalMs?: number; now?: () => number } | null;
  /** Stops after the batch in progress; the summary then says `aborted`. */
  signal?: AbortSignal;
}

export interface ImportSummary extends IngestSummary {
  file: string;
  format: ImportFormat;
  elapsedMs: number;
  recordsPerSecond: number;
  /** Set when at least one record was rejected. */
  rejectsPath: string | null;
  /** CSV header columns that are not wire fields and were ignored. */
  ignoredColumns: string[];
  aborted: boolean;
}

/** A problem with the file as a whole (exit code 1), as opposed to a rejected record. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

export function importExitCode(s: ImportSummary): 0 | 2 {
  return s.rejected > 0 ? 2 : 0;
}

export function formatImportSummary(s: ImportSummary): string {
  const nf = new Intl.NumberFormat("en");
  const head = s.aborted ? "import stopped early" : "import finished";
  const lines = [
    `${head}: ${nf.format(s.received)} records in ${formatDuration(s.elapsedMs)} (${nf.format(Math.round(s.recordsPerSecond))} records/s)`,
    `  created ${nf.format(s.created)} · updated ${nf.format(s.updated)} · unchanged ${nf.format(s.unchanged)} · rejected ${nf.format(s.rejected)}`,
  ];
  if (s.ignoredColumns.length > 0)
    lines.push(`  ignored columns (not wire field names): ${s.ignoredColumns.join(", ")}`);
  if (s.rejectsPath) lines.push(`  rejected records written to ${s.rejectsPath}`);
  return lines.join("\n");
}

const WIRE_FIELDS = new Set<string>([...Object.keys(callRecordWireSchema.shape), WRAPPED_DTO_KEY]);
const READ_CHUNK_BYTES = 256 * 1024;

export async function detectFormat(file: string): Promise<ImportFormat> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".ndjson" || ext === ".jsonl") return "ndjson";
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trimStart();
    if (head.startsWith("["))
      throw new ImportError(`${file} holds a JSON array; import takes NDJSON (one object per line) or CSV`);
    return head.startsWith("{") ? "ndjson" : "csv";
  } finally {
    await handle.close();
  }
}

/** One source record on its way to the database, or already known to be bad. */
interface Pending {
  line: number;
  record: unknown;
  errors?: FieldError[];
}

export async function importFile(file: string, opts: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = opts.batchSize ?? MAX_RECORDS_PER_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_RECORDS_PER_BATCH) {
    throw new ImportError(`batch size must be 1 to ${MAX_RECORDS_PER_BATCH}`);
  }
  let totalBytes: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new ImportError(`${file} is not a file`);
    totalBytes = st.size;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const format = opts.format ?? (await detectFormat(file));
  const rejectsPath = opts.rejectsPath ?? `${file}.rejected.ndjson`;
  await rm(rejectsPath, { force: true });

  const progressTarget = opts.progress === undefined ? { stream: process.stderr } : opts.progress;
  const progress = progressTarget ? new ImportProgress({ ...progressTarget, totalBytes }) : null;
  const started = performance.now();
  let summary = emptySummary();
  let bytesRead = 0;
  let rejects: FileHandle | null = null;
  let pending: Pending[] = [];
  const ignoredColumns: string[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const toStore = batch.filter((p) => !p.errors);
    const result = await ingestCallRecords(
      toStore.map((p) => p.record),
      { source: "import" },
    );
    let next = 0;
    const lines: string[] = [];
    for (const p of batch) {
      const errors = p.errors ?? result.results[next++]?.errors ?? [];
      if (p.errors || errors.length > 0) lines.push(stringifyJson({ line: p.line, record: p.record, errors }) + "\n");
    }
    const preRejected = batch.length - toStore.length;
    summary = addSummaries(summary, {
      ...result.summary,
      received: result.summary.received + preRejected,
      rejected: result.summary.rejected + preRejected,
    });
    if (lines.length > 0) {
      rejects ??= await open(rejectsPath, "w");
      await rejects.write(lines.join(""));
    }
    progress?.update(summary.received, bytesRead);
  };

  const add = async (p: Pending) => {
    pending.push(p);
    if (pending.length >= batchSize) await flush();
  };

  const toRecords = format === "csv" ? csvRecords(ignoredColumns) : ndjsonRecords();
  let aborted = false;
  try {
    const stream = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
    const decoder = new TextDecoder("utf-8", { fatal: true });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytesRead += chunk.byteLength;
        for (const p of toRecords.push(decode(decoder, chunk, bytesRead))) await add(p);
        if (opts.signal?.aborted) {
          aborted = true;
          break;
        }
      }
      if (!aborted) for (const p of toRecords.end(decode(decoder, undefined, bytesRead))) await add(p);
    } finally {
      stream.destroy();
    }
    await flush();
  } catch (err) {
    if (err instanceof CsvError) throw new ImportError(`${file}: ${err.message}`);
    throw err;
  } finally {
    progress?.finish();
    await (rejects as FileHandle | null)?.close();
  }

  const elapsedMs = performance.now() - started;
  return {
    ...summary,
    file,
    format,
    elapsedMs,
    recordsPerSecond: ratePerSecond(summary.received, elapsedMs),
    rejectsPath: summary.rejected > 0 ? rejectsPath : null,
    ignoredColumns,
    aborted,
  };
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined, bytesRead: number): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new ImportError(`the file is not valid UTF-8 (in the first ${bytesRead} bytes)`);
  }
}

interface RecordSource {
  push(text: string): Pending[];
  /** `text` is the decoder's last output. */
  end(text: string): Pending[];
}

function ndjsonRecords(): RecordSource {
  const splitter = new LineSplitter();
  const convert = (lines: ReturnType<LineSplitter["push"]>): Pending[] => {
    const out: Pending[] = [];
    for (const l of lines) {
      if (l.text.trim() === "") continue;
      if (l.tooLong) {
        out.push({
          line: l.line,
          record: l.text,
          errors: [{ field: "$", message: "the line is too long to be a call record" }],
        });
        continue;
      }
      try {
        out.push({ line: l.line, record: parseJsonExact(l.text) });
      } catch (err) {
        const reason =
          err instanceof JsonSyntaxError ? `malformed JSON at column ${err.column}: ${err.reason}` : String(err);
        out.push({ line: l.line, record: l.text, errors: [{ field: "$", message: reason }] });
      }
    }
    return out;
  };
  return {
    push: (text) => convert(splitter.push(text)),
    end: (text) => convert([...splitter.push(text), ...splitter.end()]),
  };
}

function csvRecords(ignoredColumns: string[]): RecordSource {
  const parser = new CsvParser();
  let header: string[] | null = null;
  const convert = (rows: CsvRow[]): Pending[] => {
    const out: Pending[] = [];
    for (const row of rows) {
      if (!header) {
        header = readHeader(row, ignoredColumns);
        continue;
      }
      if (row.error) {
        out.push({ line: row.line, record: row.cells, errors: [{ field: "$", message: row.error }] });
      } else if (row.cells.length !== header.length) {
        out.push({
          line: row.line,
          record: row.cells,
          errors: [{ field: "$", message: `the row has ${row.cells.length} cells, the header has ${header.length}` }],
        });
      } else {
        const record: Record<string, string | null> = {};
        header.forEach((name, i) => {
          const cell = row.cells[i];
          record[name] = cell === undefined || cell === "" ? null : cell; // an empty cell is no value
        });
        out.push({ line: row.line, record });
      }
    }
    return out;
  };
  return {
    push: (text) => convert(parser.push(text)),
    end: (text) => convert([...parser.push(text), ...parser.end()]),
  };
}

function readHeader(row: CsvRow, ignoredColumns: string[]): string[] {
  if (row.error) throw new ImportError(`the CSV header (line ${row.line}) is malformed: ${row.error}`);
  const names = row.cells.map((c) => c.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new ImportError(`the CSV header names ${JSON.stringify(name)} twice`);
    seen.add(name);
    if (!WIRE_FIELDS.has(name)) ignoredColumns.push(name === "" ? "(empty)" : name);
  }
  if (!seen.has("call_record_id") && !seen.has(WRAPPED_DTO_KEY)) {
    throw new ImportError(
      `the CSV header has no call_record_id column; the first line must name the columns with the wire names (call_record_id, robot_call_job_id, start_time, …)`,
    );
  }
  return names;
}
