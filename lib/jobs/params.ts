import { z } from "zod";

/** Sorts of the jobs overview, allow-listed; the default is the most recent activity first. */
export const JOB_SORTS = ["last_call", "total", "answered_rate", "job"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

/** A page boundary: the sort key of a job (as text, exact) and its id. */
export interface JobCursor {
  key: string;
  jobId: bigint;
}

const INT8_MAX = 9223372036854775807n;
const INTEGER = /^-?\d{1,19}$/;
const FLOAT = /^-?\d{1,19}(\.\d{1,20})?(e[+-]?\d{1,3})?$/;
const CURSOR = /^([-+.e0-9]{1,48})_(\d{1,19})$/;

const inInt8 = (s: string) => {
  const n = BigInt(s);
  return n <= INT8_MAX && n >= -INT8_MAX;
};

/** Whether `key` reads back as the sort key's type (bigint, or float8 for the connection rate). */
function validKey(sort: JobSort, key: string): boolean {
  if (sort === "answered_rate") return FLOAT.test(key) && Number.isFinite(Number(key));
  return INTEGER.test(key) && inInt8(key);
}

/** `<key>_<job id>` in the URL. */
export function formatJobCursor(c: JobCursor): string {
  return `${c.key}_${c.jobId}`;
}

export function parseJobCursor(sort: JobSort, raw: string | undefined): JobCursor | undefined {
  const m = raw === undefined ? null : CURSOR.exec(raw);
  if (!m || !validKey(sort, m[1]!) || !inInt8(m[2]!)) return undefined;
  return { key: m[1]!, jobId: BigInt(m[2]!) };
}

const single = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional()).catch(undefined);

const paramsSchema = z.object({
  sort: z.enum(JOB_SORTS).catch("last_call"),
  after: single,
  before: single,
});

export interface JobsParams {
  sort: JobSort;
  after?: JobCursor;
  before?: JobCursor;
}

/**
 * The jobs overview's sort and page from the URL. Anything unknown falls back
 * (default sort, first page) rather than failing: links get shared and edited.
 * A page is `after` a job or `before` one, never both (`before` wins).
 */
export function parseJobsParams(searchParams: Record<string, string | string[] | undefined>): JobsParams {
  const { sort, after, before } = paramsSchema.parse(searchParams);
  const b = parseJobCursor(sort, before);
  if (b) return { sort, before: b };
  const a = parseJobCursor(sort, after);
  return a ? { sort, after: a } : { sort };
}

/** The overview's URL for a sort and page. */
export function jobsHref(sort: JobSort, page: { after?: JobCursor; before?: JobCursor } = {}): string {
  const q = new URLSearchParams();
  if (sort !== "last_call") q.set("sort", sort);
  if (page.before) q.set("before", formatJobCursor(page.before));
  else if (page.after) q.set("after", formatJobCursor(page.after));
  const s = q.toString();
  return s ? `/jobs?${s}` : "/jobs";
}
