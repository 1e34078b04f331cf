import { z } from "zod";
import { ok, operationsTagged, type ApiOperation } from "./operation";
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

/** A new batch (202), or with `dry_run: true` only the pre-submit check (200). */
function batchOrDryRun(created: string): ApiOperation["responses"] {
  return {
    202: { description: created, schema: createdBatchSchema },
    200: { description: "Dry run: the check", schema: dryRunSchema },
  };
}

const callRecordOperation = operationsTagged("Call records");
const jobOperation = operationsTagged("Jobs");
const submissionOperation = operationsTagged("Submissions");
const auditOperation = operationsTagged("Audit");
const reconciliationOperation = operationsTagged("Reconciliation");
const ingestOperation = operationsTagged("Ingest");
const metaOperation = operationsTagged("Meta");

export const listCallRecordsOp = callRecordOperation("listCallRecords", "GET /call-records", {
  permission: "calls:read",
  summary: "List call records",
  description:
    "The /calls URL parameters (same names, same validation), keyset paging by `cursor`. Phone numbers and names are masked unless `unmasked=true` and the token's owner may reveal them (audited).",
  query: callRecordsQuery,
  queryParsedByHandler: true,
  responses: ok("One page", callRecordPageSchema),
});

export const getCallRecordOp = callRecordOperation("getCallRecord", "GET /call-records/{call_record_id}", {
  permission: "calls:read",
  summary: "One call record with its submission attempts and reviews",
  params: callRecordParams,
  query: callRecordsQuery.pick({ unmasked: true, reason: true }),
  responses: ok("The record", callRecordDetailSchema),
});

export const correctCallRecordOp = callRecordOperation(
  "correctCallRecord",
  "PATCH /call-records/{call_record_id}/correction",
  {
    permission: "calls:correct",
    summary: "Correct a record's reported fields",
    description:
      "Stored beside the received record (never over it), validated by the ingest's rules on the record as it would be sent (an error per field: `fields.<name>`), kept when the vendor pushes the record again, and sent by every later attempt. Audited with the field names. Answers the payload diff.",
    params: callRecordParams,
    body: correctionBody,
    responses: ok("The correction and the payload diff", recordPayloadSchema),
  },
);

export const withdrawCorrectionOp = callRecordOperation(
  "withdrawCorrection",
  "DELETE /call-records/{call_record_id}/correction",
  {
    permission: "calls:correct",
    summary: "Withdraw a record's correction",
    description: "The next attempt sends the record as received. Audited. Answers the payload diff.",
    params: callRecordParams,
    responses: ok("The payload diff without the correction", withdrawnSchema),
  },
);

export const getCallRecordEvidenceOp = callRecordOperation(
  "getCallRecordEvidence",
  "GET /call-records/{call_record_id}/evidence",
  {
    permission: "evidence:export",
    summary: "A record's signed evidence bundle (ZIP; supervisors, audited)",
    description:
      "The record as received with its corrections, the archived recording, every TOP attempt (parameters as sent, credentials replaced, raw answer), " +
      "review verdicts and comments, audit entries, a PDF summary, and `manifest.json` with every file's SHA-256, signed with Ed25519 (`manifest.sig`; " +
      "the key is at /api/evidence/public-key). Check it with `npm run evidence:verify -- bundle.zip`. Holds full personal data: `reason` is kept on the audit trail.",
    params: callRecordParams,
    query: evidenceQuery,
    responses: { 200: { description: "The bundle", schema: z.string(), contentType: "application/zip" } },
  },
);

export const listJobsOp = jobOperation("listJobs", "GET /jobs", {
  permission: "calls:read",
  summary: "The jobs overview",
  query: jobsQuery,
  responses: ok("One page of jobs", jobPageSchema),
});

export const getJobOp = jobOperation("getJob", "GET /jobs/{robot_call_job_id}", {
  permission: "calls:read",
  summary: "One job's KPIs",
  params: jobParams,
  responses: ok("The job", jobDetailSchema),
});

export const createSubmissionOp = submissionOperation("createSubmission", "POST /submissions", {
  permission: "submissions:write",
  summary: "Submit records to TOP (or check what would be sent)",
  description:
    "Runs the same pre-submit check as the console. `dry_run: true` answers the check (200) without creating a batch.",
  body: createSubmissionBody,
  headers: [IDEMPOTENCY],
  responses: batchOrDryRun("The batch was created"),
});

export const listSubmissionsOp = submissionOperation("listSubmissions", "GET /submissions", {
  permission: "calls:read",
  summary: "Recent submission batches, newest first",
  query: listSubmissionsQuery,
  responses: ok("Batches with live progress", batchListSchema),
});

export const getSubmissionOp = submissionOperation("getSubmission", "GET /submissions/{id}", {
  permission: "calls:read",
  summary: "One batch: counts by job state, throughput, ETA, failure groups",
  params: submissionParams,
  responses: ok("The batch", batchDetailSchema),
});

export const cancelSubmissionOp = submissionOperation("cancelSubmission", "POST /submissions/{id}/cancel", {
  permission: "submissions:write",
  summary: "Cancel a running batch (calls on the wire finish)",
  params: submissionParams,
  responses: ok("Cancelled", cancelledSchema),
});

export const resubmitFailuresOp = submissionOperation("resubmitFailures", "POST /submissions/{id}/resubmit-failures", {
  permission: "submissions:write",
  summary: "Send a batch's rejected and failed records again, as a new batch",
  params: submissionParams,
  body: resubmitBody,
  headers: [IDEMPOTENCY],
  responses: batchOrDryRun("The new batch"),
});

export const approveSubmissionOp = submissionOperation("approveSubmission", "POST /submissions/{id}/approve", {
  permission: "submissions:approve",
  summary: "Approve a batch waiting for a second supervisor (never its requester); it starts sending",
  description:
    "Four-eyes approval (`SUBMISSION_APPROVAL_THRESHOLD`). Refused (403 `own_request`) to the batch's requester, " +
    "409 `not_awaiting` when it is not waiting, 409 `expired` after 24 h.",
  params: submissionParams,
  body: decisionBody,
  responses: ok("Approved: the batch is running", decidedSchema),
});

export const rejectSubmissionOp = submissionOperation("rejectSubmission", "POST /submissions/{id}/reject", {
  permission: "submissions:approve",
  summary: "Reject a batch waiting for a second supervisor, with a comment; nothing is sent",
  description: "The comment is required. Refused to the batch's requester like an approval.",
  params: submissionParams,
  body: decisionBody,
  responses: ok("Rejected: the batch ended with nothing sent", decidedSchema),
});

export const listAuditOp = auditOperation("listAuditEvents", "GET /audit", {
  permission: "audit:read",
  summary: "The audit trail, newest first (admins)",
  query: auditQuery,
  responses: ok("One page of events", auditPageSchema),
});

export const reconciliationOp = reconciliationOperation("getReconciliation", "GET /reconciliation", {
  permission: "reconciliation:read",
  summary: "Records per call day and job by submission outcome, with overdue ones (supervisors)",
  description:
    "The /reconciliation report. Repeat `job` for several jobs. `overdue`: received more than RECONCILE_OVERDUE_HOURS ago and not accepted.",
  query: reconciliationQuery,
  queryParsedByHandler: true,
  responses: ok("The report", reconciliationSchema),
});

export const ingestCallRecordsOp = ingestOperation("ingestCallRecords", "POST /call-records", {
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

export const openApiOp = metaOperation("getOpenApiDocument", "GET /openapi.json", {
  permission: null,
  summary: "This document (no token needed)",
  auth: "none",
  responses: ok("OpenAPI 3.1", z.record(z.string(), z.unknown())),
});

// The reporting rules' operations live in their own file; exported here so that every operation is registered with this module.
export * from "./rules-operations";
export * from "./alerts-operations";
