import "server-only";
import type { z } from "zod";
import { getEnv } from "../../env";
import { getJobDetail, listJobsPage, type JobSummary } from "../../jobs/data";
import { formatJobCursor, parseJobCursor } from "../../jobs/params";
import { ApiError, invalidParams } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";
import { iso } from "../schemas/common";
import type { jobsQuery } from "../schemas/jobs";

function summaryBody(s: JobSummary) {
  return {
    robot_call_job_id: s.jobId.toString(),
    total: s.total,
    answered: s.answered,
    avg_talk_seconds: s.avgTalkSeconds,
    accepted: s.accepted,
    rejected: s.rejected,
    pending: s.pending,
    not_submitted: s.notSubmitted,
    reviewed: s.reviewed,
    flagged: s.flagged,
    first_call: iso(s.firstCall),
    last_call: iso(s.lastCall),
  };
}

/** GET /jobs: the overview's keyset pages (the page's own query). */
export async function listJobsHandler({
  query,
}: ApiRequest<unknown, z.output<typeof jobsQuery>, unknown>): Promise<ApiAnswer> {
  const after = query.cursor === undefined ? undefined : parseJobCursor(query.sort, query.cursor);
  if (query.cursor !== undefined && !after)
    throw invalidParams([
      { param: "cursor", message: "is not a cursor of this sort (take next_cursor as it was given)" },
    ]);
  const page = await listJobsPage({ sort: query.sort, after, size: query.size });
  return {
    body: {
      data: page.jobs.map(summaryBody),
      next_cursor: page.next ? formatJobCursor(page.next) : null,
      total: { value: page.total, exact: true },
    },
  };
}

export async function getJobHandler({
  params,
}: ApiRequest<{ robot_call_job_id: string }, unknown, unknown>): Promise<ApiAnswer> {
  const job = await getJobDetail(BigInt(params.robot_call_job_id), getEnv().DISPLAY_TIME_ZONE);
  if (!job) throw new ApiError(404, "not_found", `No job ${params.robot_call_job_id} (no calls recorded for it).`);
  return {
    body: {
      ...summaryBody(job.summary),
      by_hour: job.byHour,
      by_day: job.byDay,
      durations: job.durations,
      by_status: job.byStatus,
      by_intent: job.byIntent.map((i) => ({ tag_id: i.tagId, code: i.code, name: i.name, count: i.count })),
    },
  };
}
