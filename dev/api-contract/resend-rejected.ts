import createClient from "openapi-fetch";
import type { paths } from "./v1";

/**
 * A script as a law firm's engineer would write it against the generated
 * client (types from the OpenAPI document, `npm run api:types`): take a job's
 * rejected records, check what a resubmission would send, start it, follow
 * the batch to its end, and read each record's LvmsResultDto outcome. The
 * contract test runs it against the real routes, worker and TOP emulator.
 */

export interface ResendReport {
  rejected: string[];
  dryRun: { sendable: number; held_back: { reason: string; count: number }[] };
  batchId: string;
  finalState: string;
  outcomes: { call_record_id: string; success: boolean | null; code: string | null; message: string | null }[];
}

export async function resendRejected(opts: {
  baseUrl: string;
  token: string;
  jobId: string;
  fetch?: (request: Request) => Promise<Response>;
  pollMs?: number;
}): Promise<ResendReport> {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl,
    headers: { Authorization: `Bearer ${opts.token}` },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const fail = (what: string, error: unknown): never => {
    throw new Error(`${what}: ${JSON.stringify(error)}`);
  };

  const rejected: string[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await client.GET("/call-records", {
      params: { query: { job: [opts.jobId], submission: ["rejected"], size: 100, cursor } },
    });
    if (!data) return fail("listing rejected records", error);
    rejected.push(...data.data.map((r) => r.call_record_id));
    cursor = data.next_cursor ?? undefined;
  } while (cursor);

  const check = await client.POST("/submissions", { body: { ids: rejected, dry_run: true } });
  if (check.response.status !== 200 || !check.data || !("sendable" in check.data)) return fail("dry run", check.error);
  const dryRun = {
    sendable: check.data.sendable,
    held_back: check.data.held_back.map(({ reason, count }) => ({ reason, count })),
  };

  const started = await client.POST("/submissions", {
    body: { ids: rejected },
    params: { header: { "Idempotency-Key": `resend-${opts.jobId}` } },
  });
  if (started.response.status !== 202 || !started.data || !("id" in started.data))
    return fail("starting the resubmission", started.error);
  const batchId = started.data.id;

  let finalState = started.data.state;
  while (finalState === "running") {
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 200));
    const { data, error } = await client.GET("/submissions/{id}", { params: { path: { id: batchId } } });
    if (!data) return fail("polling the batch", error);
    finalState = data.state;
  }

  const outcomes: ResendReport["outcomes"] = [];
  for (const id of rejected) {
    const { data, error } = await client.GET("/call-records/{call_record_id}", {
      params: { path: { call_record_id: id } },
    });
    if (!data) return fail(`reading ${id}`, error);
    const last = data.attempts[0]?.lvms_result_d_t_o ?? null;
    outcomes.push({
      call_record_id: id,
      success: last?.success ?? null,
      code: last?.code ?? null,
      message: last?.message ?? null,
    });
  }
  return { rejected, dryRun, batchId, finalState, outcomes };
}
