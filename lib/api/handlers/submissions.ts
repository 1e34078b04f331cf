import "server-only";
import type { z } from "zod";
import { runActionAs, type ActionPrincipal } from "../../actions/wrapper";
import { parseCallFilters } from "../../call-records/query/filters";
import { cancelSubmissionBatch, checkSubmission, submitRecords } from "../../submissions/actions";
import { batchPage, failureGroups, getBatch, type BatchProgress, type PreSubmitCheck } from "../../submissions/data";
import type { Selection } from "../../submissions/selection";
import { ApiError, invalidParams } from "../errors";
import type { ApiAnswer, ApiRequest } from "../handler";
import { idempotent, requestHash } from "../idempotency";
import {
  BATCH_STATES,
  type createSubmissionBody,
  type listSubmissionsQuery,
  type resubmitBody,
} from "../schemas/submissions";
import { approvalOf } from "../../approvals/data";
import type { ApprovalReason } from "../../approvals/status";
import { approvalBody } from "./approvals";
import { unwrap } from "./action-result";

const asPrincipal = (p: ApiRequest<unknown, unknown, unknown>["principal"]): ActionPrincipal => ({
  user: p.user,
  session: null,
  readOnly: p.token.readOnly,
});

export function batchBody(b: BatchProgress) {
  return {
    id: b.id.toString(),
    kind: b.kind,
    state: b.status as (typeof BATCH_STATES)[number],
    created_by: b.createdBy,
    created_at: b.createdAt.toISOString(),
    finished_at: b.finishedAt?.toISOString() ?? null,
    paused_reason: b.pausedReason,
    resend_accepted: b.resendAccepted,
    selection: b.selection,
    total: b.total,
    counts: b.counts,
    throughput: b.throughput,
    eta_seconds: b.etaSeconds,
  };
}

const heldBack = (check: PreSubmitCheck) =>
  check.blocked.map((b) => ({ reason: b.code, message: b.reason, count: b.count }));

function dryRunBody(check: PreSubmitCheck & { approvalReasons: ApprovalReason[] }) {
  return {
    dry_run: true as const,
    matching: check.matching,
    sendable: check.sendable,
    held_back: heldBack(check),
    estimated_seconds: check.estimatedSeconds,
    corrected_intent: check.correctedIntent,
    approval_reasons: check.approvalReasons,
  };
}

/** Checks, then (unless a dry run) creates the batch, through the same actions as the console's dialog. */
async function submit(
  req: ApiRequest<unknown, unknown, unknown>,
  selection: Selection,
  opts: { resendAccepted: boolean; onlyFailures: boolean; dryRun: boolean },
): Promise<ApiAnswer> {
  const principal = asPrincipal(req.principal);
  const run = async () => {
    const check = unwrap(
      await runActionAs(checkSubmission, principal, {
        selection,
        resendAccepted: opts.resendAccepted,
        onlyFailures: opts.onlyFailures,
      }),
    );
    if (opts.dryRun) return { status: 200, body: dryRunBody(check) };
    const created = unwrap(
      await runActionAs(submitRecords, principal, {
        selection,
        resendAccepted: opts.resendAccepted,
        onlyFailures: opts.onlyFailures,
      }),
      { held_back: heldBack(check) },
    );
    const batch = await getBatch(BigInt(created.batchId));
    if (!batch) throw new Error(`batch ${created.batchId} vanished`);
    return {
      status: 202,
      body: {
        id: batch.id.toString(),
        state: batchBody(batch).state,
        counts: batch.counts,
        total: batch.total,
        held_back: heldBack(check),
      },
    };
  };
  const key = req.request.headers.get("idempotency-key");
  if (key === null || opts.dryRun) return run();
  const answer = await idempotent(
    req.principal.token.id,
    key,
    requestHash({ path: req.url.pathname, body: req.body }),
    run,
  );
  return {
    status: answer.status,
    body: answer.body,
    headers: answer.replayed ? { "Idempotent-Replayed": "true" } : {},
  };
}

export async function createSubmissionHandler(
  req: ApiRequest<unknown, unknown, z.output<typeof createSubmissionBody>>,
): Promise<ApiAnswer> {
  const { body } = req;
  let selection: Selection;
  if (body.ids) selection = { type: "ids", ids: body.ids };
  else {
    const query = (body.filter ?? "").replace(/^\?/, "");
    const { errors } = parseCallFilters(new URLSearchParams(query));
    if (errors.length) throw invalidParams(errors.map((e) => ({ param: `filter.${e.param}`, message: e.message })));
    selection = { type: "filter", query };
  }
  return submit(req, selection, { resendAccepted: body.resend_accepted, onlyFailures: false, dryRun: body.dry_run });
}

export async function resubmitFailuresHandler(
  req: ApiRequest<{ id: string }, unknown, z.output<typeof resubmitBody>>,
): Promise<ApiAnswer> {
  if (!(await getBatch(BigInt(req.params.id))))
    throw new ApiError(404, "not_found", `No submission batch ${req.params.id}.`);
  const selection: Selection = {
    type: "batch",
    batchId: req.params.id,
    ...(req.body.failure_code === undefined ? {} : { failureCode: req.body.failure_code }),
  };
  return submit(req, selection, { resendAccepted: true, onlyFailures: true, dryRun: req.body.dry_run });
}

export async function listSubmissionsHandler({
  query,
}: ApiRequest<unknown, z.output<typeof listSubmissionsQuery>, unknown>): Promise<ApiAnswer> {
  const { batches, older } = await batchPage(
    query.cursor === undefined ? undefined : BigInt(query.cursor),
    query.limit,
  );
  return { body: { data: batches.map(batchBody), next_cursor: older } };
}

export async function getSubmissionHandler({
  params,
}: ApiRequest<{ id: string }, unknown, unknown>): Promise<ApiAnswer> {
  const batch = await getBatch(BigInt(params.id));
  if (!batch) throw new ApiError(404, "not_found", `No submission batch ${params.id}.`);
  const [groups, approval] = await Promise.all([failureGroups(batch.id), approvalOf(batch.id)]);
  return {
    body: {
      ...batchBody(batch),
      approval: approval ? approvalBody(approval) : null,
      failure_groups: groups.map((g) => ({
        state: g.state,
        code: g.code,
        message: g.message,
        count: g.count,
        sample_ids: g.sampleIds,
      })),
    },
  };
}

export async function cancelSubmissionHandler(req: ApiRequest<{ id: string }, unknown, unknown>): Promise<ApiAnswer> {
  if (!(await getBatch(BigInt(req.params.id))))
    throw new ApiError(404, "not_found", `No submission batch ${req.params.id}.`);
  const result = unwrap(
    await runActionAs(cancelSubmissionBatch, asPrincipal(req.principal), { batchId: req.params.id }),
  );
  return { body: { id: req.params.id, state: "cancelled", cancelled: result.cancelled } };
}
