import { z } from "zod";
import { defineOperation } from "./operation";
import { decidedSchema, decisionBody } from "./schemas/approvals";
import { auditPageSchema, auditQuery } from "./schemas/audit";
import { reconciliationQuery, reconciliationSchema } from "./schemas/reconciliation";
import { ingestBodySchema, ingestResultSchema } from "./schemas/ingest";
import {
  evidenceQuery,
  callRecordDetailSchema,
  callRecordPageSchema,
  callRecordParams,
  callRecordsQuery,
} from "./schemas/call-records";
import { correctionBody, recordPayloadSchema, withdrawnSchema } from "./schemas/corrections";
import { jobDetailSchema, jobPageSchema, jobParams, jobsQuery } from "./schemas/jobs";
import {
  batchDetailSchema,
  batchListSchema,
  cancelledSchema,
  createdBatchSchema,
  createSubmissionBody,
  dryRunSchema,
  listSubmissionsQuery,
  resubmitBody,
  submissionParams,
} from "./schemas/submissions";

/** Every operation of /api/v1. A route file under app/api/v1 serves exactly one of these per method (checked by openapi.test.ts). */

const IDEMPOTENCY = {
  name: "Idempotency-Key",
  description:
    "The same key and body within 24 h answer the first batch again; the same key with another body is a 409.",
};

export const listCallRecordsOp = defineOperation({
  operationId: "listCallRecords",
  method: "get",
  path: "/call-records",
  tag: "Call records",
  permission: "calls:read",
  summary: "List call records",
  description:
    "The /calls URL parameters (same names, same validation), keyset paging by `cursor`. Phone numbers and names are masked unless `unmasked=true` and the token's owner may reveal them (audited).",
  query: callRecordsQuery,
  queryParsedByHandler: true,
  responses: { 200: { description: "One page", schema: callRecordPageSchema } },
});

export const getCallRecordOp = defineOperation({
  operationId: "getCallRecord",
  method: "get",
  path: "/call-records/{call_record_id}",
  tag: "Call records",
  permission: "calls:read",
  summary: "One call record with its submission attempts and reviews",
  params: callRecordParams,
  query: callRecordsQuery.pick({ unmasked: true, reason: true }),
  responses: { 200: { description: "The record", schema: callRecordDetailSchema } },
});

export const correctCallRecordOp = defineOperation({
  operationId: "correctCallRecord",
  method: "patch",
  path: "/call-records/{call_record_id}/correction",
  tag: "Call records",
  permission: "calls:correct",
  summary: "Correct a record's reported fields",
  description:
    "Stored beside the received record (never over it), validated by the ingest's rules on the record as it would be sent (an error per field: `fields.<name>`), kept when the vendor pushes the record again, and sent by every later attempt. Audited with the field names. Answers the payload diff.",
  params: callRecordParams,
  body: correctionBody,
  responses: { 200: { description: "The correction and the payload diff", schema: recordPayloadSchema } },
});

export const withdrawCorrectionOp = defineOperation({
  operationId: "withdrawCorrection",
  method: "delete",
  path: "/call-records/{call_record_id}/correction",
  tag: "Call records",
  permission: "calls:correct",
  summary: "Withdraw a record's correction",
  description: "The next attempt sends the record as received. Audited. Answers the payload diff.",
  params: callRecordParams,
  responses: { 200: { description: "The payload diff without the correction", schema: withdrawnSchema } },
});

export const getCallRecordEvidenceOp = defineOperation({
  operationId: "getCallRecordEvidence",
  method: "get",
  path: "/call-records/{call_record_id}/evidence",
  tag: "Call records",
  permission: "evidence:export",
  summary: "A record's signed evidence bundle (ZIP; supervisors, audited)",
  description:
    "The record as received with its corrections, the archived recording, every TOP attempt (parameters as sent, credentials replaced, raw answer), " +
    "review verdicts and comments, audit entries, a PDF summary, and `manifest.json` with every file's SHA-256, signed with Ed25519 (`manifest.sig`; " +
    "the key is at /api/evidence/public-key). Check it with `npm run evidence:verify -- bundle.zip`. Holds full personal data: `reason` is kept on the audit trail.",
  params: callRecordParams,
  query: evidenceQuery,
  responses: { 200: { description: "The bundle", schema: z.string(), contentType: "application/zip" } },
});

export const listJobsOp = defineOperation({
  operationId: "listJobs",
  method: "get",
  path: "/jobs",
  tag: "Jobs",
  permission: "calls:read",
  summary: "The jobs overview",
  query: jobsQuery,
  responses: { 200: { description: "One page of jobs", schema: jobPageSchema } },
});

export const getJobOp = defineOperation({
  operationId: "getJob",
  method: "get",
  path: "/jobs/{robot_call_job_id}",
  tag: "Jobs",
  permission: "calls:read",
  summary: "One job's KPIs",
  params: jobParams,
  responses: { 200: { description: "The job", schema: jobDetailSchema } },
});

export const createSubmissionOp = defineOperation({
  operationId: "createSubmission",
  method: "post",
  path: "/submissions",
  tag: "Submissions",
  permission: "submissions:write",
  summary: "Submit records to TOP (or check what would be sent)",
  description:
    "Runs the same pre-submit check as the console. `dry_run: true` answers the check (200) without creating a batch.",
  body: createSubmissionBody,
  headers: [IDEMPOTENCY],
  responses: {
    202: { description: "The batch was created", schema: createdBatchSchema },
    200: { description: "Dry run: the check", schema: dryRunSchema },
  },
});

export const listSubmissionsOp = defineOperation({
  operationId: "listSubmissions",
  method: "get",
  path: "/submissions",
  tag: "Submissions",
  permission: "calls:read",
  summary: "Recent submission batches, newest first",
  query: listSubmissionsQuery,
  responses: { 200: { description: "Batches with live progress", schema: batchListSchema } },
});

export const getSubmissionOp = defineOperation({
  operationId: "getSubmission",
  method: "get",
  path: "/submissions/{id}",
  tag: "Submissions",
  permission: "calls:read",
  summary: "One batch: counts by job state, throughput, ETA, failure groups",
  params: submissionParams,
  responses: { 200: { description: "The batch", schema: batchDetailSchema } },
});

export const cancelSubmissionOp = defineOperation({
  operationId: "cancelSubmission",
  method: "post",
  path: "/submissions/{id}/cancel",
  tag: "Submissions",
  permission: "submissions:write",
  summary: "Cancel a running batch (calls on the wire finish)",
  params: submissionParams,
  responses: { 200: { description: "Cancelled", schema: cancelledSchema } },
});

export const resubmitFailuresOp = defineOperation({
  operationId: "resubmitFailures",
  method: "post",
  path: "/submissions/{id}/resubmit-failures",
  tag: "Submissions",
  permission: "submissions:write",
  summary: "Send a batch's rejected and failed records again, as a new batch",
  params: submissionParams,
  body: resubmitBody,
  headers: [IDEMPOTENCY],
  responses: {
    202: { description: "The new batch", schema: createdBatchSchema },
    200: { description: "Dry run: the check", schema: dryRunSchema },
  },
});

export const approveSubmissionOp = defineOperation({
  operationId: "approveSubmission",
  method: "post",
  path: "/submissions/{id}/approve",
  tag: "Submissions",
  permission: "submissions:approve",
  summary: "Approve a batch waiting for a second supervisor (never its requester); it starts sending",
  description:
    "Four-eyes approval (`SUBMISSION_APPROVAL_THRESHOLD`). Refused (403 `own_request`) to the batch's requester, " +
    "409 `not_awaiting` when it is not waiting, 409 `expired` after 24 h.",
  params: submissionParams,
  body: decisionBody,
  responses: { 200: { description: "Approved: the batch is running", schema: decidedSchema } },
});

export const rejectSubmissionOp = defineOperation({
  operationId: "rejectSubmission",
  method: "post",
  path: "/submissions/{id}/reject",
  tag: "Submissions",
  permission: "submissions:approve",
  summary: "Reject a batch waiting for a second supervisor, with a comment; nothing is sent",
  description: "The comment is required. Refused to the batch's requester like an approval.",
  params: submissionParams,
  body: decisionBody,
  responses: { 200: { description: "Rejected: the batch ended with nothing sent", schema: decidedSchema } },
});

export const listAuditOp = defineOperation({
  operationId: "listAuditEvents",
  method: "get",
  path: "/audit",
  tag: "Audit",
  permission: "audit:read",
  summary: "The audit trail, newest first (admins)",
  query: auditQuery,
  responses: { 200: { description: "One page of events", schema: auditPageSchema } },
});

export const reconciliationOp = defineOperation({
  operationId: "getReconciliation",
  method: "get",
  path: "/reconciliation",
  tag: "Reconciliation",
  permission: "reconciliation:read",
  summary: "Records per call day and job by submission outcome, with overdue ones (supervisors)",
  description:
    "The /reconciliation report. Repeat `job` for several jobs. `overdue`: received more than RECONCILE_OVERDUE_HOURS ago and not accepted.",
  query: reconciliationQuery,
  queryParsedByHandler: true,
  responses: { 200: { description: "The report", schema: reconciliationSchema } },
});

export const ingestCallRecordsOp = defineOperation({
  operationId: "ingestCallRecords",
  method: "post",
  path: "/call-records",
  tag: "Ingest",
  permission: null,
  auth: "ingest",
  summary: "Push call records (robot platforms)",
  description:
    "Takes an ingest token (`lvr_ing_…`, made by an admin on /account/tokens; its name is recorded as each record's `source_name`) or INGEST_TOKEN. " +
    'JSON (one record, an array, or `{ "ivr_call_record_d_t_o": … }`) or NDJSON, at most 1000 records. 200: every record has an entry, in input order; 422: all were rejected.',
  body: ingestBodySchema,
  responses: {
    200: { description: "Processed", schema: ingestResultSchema },
    422: { description: "Every record was rejected", schema: ingestResultSchema },
  },
});

export const openApiOp = defineOperation({
  operationId: "getOpenApiDocument",
  method: "get",
  path: "/openapi.json",
  tag: "Meta",
  permission: null,
  summary: "This document (no token needed)",
  auth: "none",
  responses: { 200: { description: "OpenAPI 3.1", schema: z.record(z.string(), z.unknown()) } },
});

// The reporting rules' operations live in their own file; exported here so that every operation is registered with this module.
export * from "./rules-operations";
export * from "./alerts-operations";
