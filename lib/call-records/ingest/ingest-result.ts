import type { FieldError } from "../schema";

/**
 * The ingest answer, a public contract (docs/design.md): one entry per input
 * record, in input order, ids as strings (int64-safe). Shared by the API, the
 * import CLI and the seed, so it lives apart from the database code.
 */

export type IngestOutcome = "created" | "updated" | "unchanged" | "rejected";

export interface IngestResultEntry {
  /** Position of the record in the request (0-based). */
  index: number;
  call_record_id: string | null;
  outcome: IngestOutcome;
  errors: FieldError[];
  /** Fields that were ignored (unknown to the console: a misspelling, or a mapping mistake); only when there are some. */
  warnings?: FieldError[];
}

export interface IngestSummary {
  /** Entries in `results`; always created + updated + unchanged + rejected. */
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface IngestResult {
  results: IngestResultEntry[];
  summary: IngestSummary;
}

export type IngestSource = "api" | "import" | "seed";

/** Records per ingest call (and per API request): one SQL statement each. */
export const MAX_RECORDS_PER_BATCH = 1000;

export function emptySummary(): IngestSummary {
  return { received: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
}

export function summarise(results: readonly IngestResultEntry[]): IngestSummary {
  const s = emptySummary();
  for (const r of results) {
    s.received++;
    s[r.outcome]++;
  }
  return s;
}

export function addSummaries(a: IngestSummary, b: IngestSummary): IngestSummary {
  return {
    received: a.received + b.received,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    rejected: a.rejected + b.rejected,
  };
}
