/**
 * `npm run import -- <file> [--format csv|ndjson] [--batch-size N]`
 *
 * Loads call records from a CSV (header row of wire names) or NDJSON file
 * through the ingest validation and upsert. Uses DATABASE_URL, or starts the
 * embedded PostgreSQL under .data/ like `npm start` does.
 *
 * Exit codes: 0 all stored, 2 some records rejected (see <file>.rejected.ndjson),
 * 1 fatal error (unreadable file, bad header, database down), 130 interrupted.
 */
import { access } from "node:fs/promises";
import { parseArgs } from "node:util";
import { compactRollups } from "../lib/call-records/rollups";
import { disconnectPrisma } from "../lib/db/client";
import { formatImportSummary, ImportError, importExitCode, importFile, type ImportFormat } from "./import/import-file";
import { resolveDatabase } from "./lib/database";

const USAGE = "usage: npm run import -- <file.csv|file.ndjson> [--format csv|ndjson] [--batch-size 1..1000]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string" },
      "batch-size": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    console.error(USAGE);
    return 1;
  }
  const format = values.format as ImportFormat | undefined;
  if (format !== undefined && format !== "csv" && format !== "ndjson") {
    console.error(`--format must be csv or ndjson\n${USAGE}`);
    return 1;
  }
  const batchSize = values["batch-size"] === undefined ? undefined : Number(values["batch-size"]);
  try {
    await access(file);
  } catch {
    console.error(`cannot read ${file}`);
    return 1;
  }

  const db = await resolveDatabase({ log: (line) => console.error(`[lvr] ${line}`) });
  const controller = new AbortController();
  const onSigint = () => {
    console.error("\ninterrupted: stopping after the batch in progress (Ctrl-C again to quit now)");
    controller.abort();
    process.once("SIGINT", () => process.exit(130));
  };
  process.once("SIGINT", onSigint);
  try {
    const summary = await importFile(file, { format, batchSize, signal: controller.signal });
    console.log(formatImportSummary(summary));
    // Fold the rollup deltas this import appended now rather than leaving them to the next worker.
    await compactRollups();
    return summary.aborted ? 130 : importExitCode(summary);
  } finally {
    process.off("SIGINT", onSigint);
    await disconnectPrisma();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message =
      err instanceof ImportError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`import failed: ${message}`);
    process.exit(1);
  },
);
