import "server-only";
import { Prisma, prisma } from "../db/client";

export interface JobSummary {
  jobId: bigint;
  total: number;
  answered: number;
  avgTalkSeconds: number | null;
  accepted: number;
  rejected: number;
  pending: number;
  notSubmitted: number;
  reviewed: number;
  flagged: number;
  firstCall: Date | null;
  lastCall: Date | null;
}

export const JOB_SORTS = ["last_call", "total", "answered_rate", "job"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

// Allow-listed ORDER BY clauses; the sort name from the URL never reaches SQL.
const ORDER: Record<JobSort, Prisma.Sql> = {
  last_call: Prisma.sql`last_call DESC NULLS LAST, job_id`,
  total: Prisma.sql`total DESC, job_id`,
  // Output aliases cannot appear inside ORDER BY expressions, hence the aggregate again.
  answered_rate: Prisma.sql`count(*) FILTER (WHERE result_status = 'ANSWERED')::float8 / count(*) DESC, job_id`,
  job: Prisma.sql`job_id`,
};

/** One row per robot_call_job_id. */
export async function listJobs(sort: JobSort = "last_call"): Promise<JobSummary[]> {
  const rows = await prisma.$queryRaw<
    {
      job_id: bigint; total: bigint; answered: bigint; avg_talk: number | null; accepted: bigint; rejected: bigint;
      pending: bigint; not_submitted: bigint; reviewed: bigint; flagged: bigint; first_call: Date | null; last_call: Date | null;
    }[]
  >(Prisma.sql`
    SELECT robot_call_job_id AS job_id,
           count(*) AS total,
           count(*) FILTER (WHERE result_status = 'ANSWERED') AS answered,
           avg(chat_duration) FILTER (WHERE result_status = 'ANSWERED')::float8 AS avg_talk,
           count(*) FILTER (WHERE submission_state = 'accepted') AS accepted,
           count(*) FILTER (WHERE submission_state IN ('rejected', 'failed')) AS rejected,
           count(*) FILTER (WHERE submission_state IN ('queued', 'in_flight', 'retrying')) AS pending,
           count(*) FILTER (WHERE submission_state = 'not_submitted') AS not_submitted,
           count(*) FILTER (WHERE review_state <> 'unreviewed') AS reviewed,
           count(*) FILTER (WHERE review_state = 'flagged') AS flagged,
           min(start_time) AS first_call,
           max(start_time) AS last_call
    FROM call_records
    GROUP BY robot_call_job_id
    ORDER BY ${ORDER[sort]}`);
  return rows.map((r) => ({
    jobId: r.job_id,
    total: Number(r.total),
    answered: Number(r.answered),
    avgTalkSeconds: r.avg_talk,
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    pending: Number(r.pending),
    notSubmitted: Number(r.not_submitted),
    reviewed: Number(r.reviewed),
    flagged: Number(r.flagged),
    firstCall: r.first_call,
    lastCall: r.last_call,
  }));
}
