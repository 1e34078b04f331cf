import "server-only";
import { getEnv } from "../../env";
import { parseReconciliationParams } from "../../reconciliation/schema";
import { configuredReport } from "../../reconciliation/report";
import { invalidParams } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";

/** GET /reconciliation: the /reconciliation page's report; a parameter the page would ignore is a 400 here. */
export async function reconciliationHandler({ url }: ApiRequest<unknown, unknown, unknown>): Promise<ApiAnswer> {
  const env = getEnv();
  const { query, errors } = parseReconciliationParams(url.searchParams, env.DISPLAY_TIME_ZONE);
  if (errors.length) throw invalidParams(errors.map(({ param, message }) => ({ param, message })));
  const r = await configuredReport(query, env);
  return {
    body: {
      from: r.from,
      to: r.to,
      job: r.job,
      overdue_before: r.overdueBefore,
      overdue_hours: r.overdueHours,
      data: r.rows.map(({ jobId, ...rest }) => ({ ...rest, robot_call_job_id: jobId })),
      totals: r.totals,
      gap_minutes: r.gapMinutes,
      calling_hours: r.callingHours,
      gaps: r.gaps.map((g) => ({ job: g.jobId, day: g.day, from: g.from, to: g.to, minutes: g.minutes })),
    },
  };
}
