import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { resetEnvCache } from "../env";
import { createBatch } from "../submissions/mutations";
import { errorSchema } from "./errors";
import { openApiDocument } from "./openapi";
import { OPERATIONS } from "./operation";
import { call, tokenFor, v1RouteFiles } from "../../dev/testing/api";

/**
 * The document and the routes agree: every route file × method is an
 * operation of the document, every documented operation answers, and what
 * it answers validates against the schema the document was generated from.
 */

// Four-eyes approval on (above the samples' sizes), for the approve and reject samples.
process.env.SUBMISSION_APPROVAL_THRESHOLD = "1000";
resetEnvCache();

const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
let admin: string;
const jobId = "7700000000000000001";
const recordId = "7700000000000000002";
/** Only ever in batches waiting for approval (which no worker touches). */
const awaitingRecordId = "7700000000000000003";

beforeAll(async () => {
  admin = (await tokenFor("admin")).token;
  await ingestCallRecords(
    [
      {
        call_record_id: recordId,
        robot_call_job_id: jobId,
        result_status: "ANSWERED",
        start_time: "2026-03-01 09:00:00",
        name: "李四",
      },
      {
        call_record_id: awaitingRecordId,
        robot_call_job_id: jobId,
        result_status: "ANSWERED",
        start_time: "2026-03-01 09:00:00",
      },
    ],
    { source: "api" },
  );
});

/** A request that should succeed for each documented operation. */
const SAMPLE: Record<string, { path: string; body?: unknown }> = {
  ingestCallRecords: { path: "/call-records" },
  listCallRecords: { path: `/call-records?job=${jobId}&size=25` },
  getCallRecord: { path: `/call-records/${recordId}` },
  correctCallRecord: {
    path: `/call-records/${recordId}/correction`,
    body: { fields: { result_status: "ANSWERED" }, reason: "OpenAPI sample" },
  },
  withdrawCorrection: { path: `/call-records/${recordId}/correction` },
  getCallRecordEvidence: { path: `/call-records/${recordId}/evidence?reason=openapi+check` },
  listJobs: { path: "/jobs?size=5" },
  getJob: { path: `/jobs/${jobId}` },
  createSubmission: { path: "/submissions", body: { ids: [recordId], dry_run: true } },
  listSubmissions: { path: "/submissions?limit=5" },
  getSubmission: { path: "/submissions/{batch}" },
  cancelSubmission: { path: "/submissions/{batch}/cancel" },
  resubmitFailures: { path: "/submissions/{batch}/resubmit-failures", body: { dry_run: true } },
  approveSubmission: { path: "/submissions/{awaiting}/approve", body: { comment: "checked" } },
  rejectSubmission: { path: "/submissions/{awaiting}/reject", body: { comment: "wrong filter" } },
  listAuditEvents: { path: "/audit?action=api." },
  getReconciliation: { path: `/reconciliation?job=${jobId}` },
  getOpenApiDocument: { path: "/openapi.json" },
  listReportingRules: { path: "/reporting-rules" },
  createReportingRule: { path: "/reporting-rules", body: { name: `openapi ${Date.now()}`, filter: `job=${jobId}` } },
  getReportingRule: { path: "/reporting-rules/{rule}" },
  updateReportingRule: { path: "/reporting-rules/{rule}", body: { enabled: false, daily_cap: 5 } },
  dryRunReportingRule: { path: "/reporting-rules/{rule}/dry-run" },
  deleteReportingRule: { path: "/reporting-rules/{rule}" },
  listAlertChannels: { path: "/alert-channels" },
  createAlertChannel: {
    path: "/alert-channels",
    body: { name: `openapi ${Date.now()}`, type: "webhook", url: "http://127.0.0.1:9/hook" },
  },
  getAlertChannel: { path: "/alert-channels/{channel}" },
  updateAlertChannel: { path: "/alert-channels/{channel}", body: { events: ["batch.paused"] } },
  // A loopback receiver that is not allowed: the attempt fails at once, the answer is still documented.
  testAlertChannel: { path: "/alert-channels/{channel}/test" },
  deleteAlertChannel: { path: "/alert-channels/{channel}" },
};

/** A batch waiting for approval, requested by someone other than the sample's caller. */
async function awaitingBatch(): Promise<string> {
  const b = await createBatch({
    selection: { type: "ids", ids: [awaitingRecordId] },
    kind: "resubmit",
    createdBy: "requester@test.local",
    timeZone: "UTC",
    requireApproval: { reason: "bulk_fix" },
  });
  expect(b.awaitingApproval).toBe(true);
  return b.batchId.toString();
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents every route file and method under app/api/v1, and nothing else", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const served: string[] = [];
    for (const route of v1RouteFiles()) {
      const mod = (await import(route.file)) as Record<string, unknown>;
      for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE"])
        if (typeof mod[m] === "function") served.push(`${m.toLowerCase()} ${route.path}`);
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(served.sort());
    expect(Object.keys(SAMPLE).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
  });

  it("every documented operation answers, with a body that validates against its documented schema", async () => {
    // A batch of our own for the batch operations (created through the API itself).
    const created = (await (await call(admin, "POST", "/submissions", { ids: [recordId] })).json()) as { id: string };
    const rule = (await (
      await call(admin, "POST", "/reporting-rules", { name: `openapi rule ${Date.now()}`, filter: `job=${jobId}` })
    ).json()) as { id: string };
    const channel = (await (
      await call(admin, "POST", "/alert-channels", {
        name: `openapi channel ${Date.now()}`,
        type: "webhook",
        url: "http://127.0.0.1:9/hook",
      })
    ).json()) as { id: string };
    for (const op of OPERATIONS) {
      const sample = SAMPLE[op.operationId]!;
      let path = sample.path.replace("{batch}", created.id).replace("{rule}", rule.id).replace("{channel}", channel.id);
      if (path.includes("{awaiting}")) path = path.replace("{awaiting}", await awaitingBatch());
      const res = await call(op.auth === "ingest" ? null : admin, op.method.toUpperCase(), path, sample.body);
      if (op.auth === "ingest") {
        // No ingest token in this test: the documented error shape (tests/ingest cover the 200).
        expect([401, 503], op.operationId).toContain(res.status);
        expect(errorSchema.safeParse(await res.json()).success).toBe(true);
        continue;
      }
      const documented = op.responses[res.status];
      expect(documented, `${op.operationId} answered ${res.status}: ${await res.clone().text()}`).toBeDefined();
      if (documented!.contentType) {
        // A file (an evidence bundle): its type as documented; its content is its own feature's test.
        expect(res.headers.get("content-type"), op.operationId).toBe(documented!.contentType);
        await res.arrayBuffer();
        continue;
      }
      const parsed = (documented!.schema as z.ZodType).safeParse(await res.json());
      expect(parsed.success, `${op.operationId}: ${parsed.success ? "" : z.prettifyError(parsed.error)}`).toBe(true);
    }
  });

  it("documents the error shape and the rate-limit headers, and every error answer validates", async () => {
    const res = await call("lvr_pat_nope", "GET", "/jobs");
    expect(res.status).toBe(401);
    expect(errorSchema.safeParse(await res.json()).success).toBe(true);
    const listCalls = doc.paths["/call-records"]!.get as {
      responses: Record<string, unknown>;
      parameters: { name: string }[];
    };
    expect(Object.keys(listCalls.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "429"]));
    expect(listCalls.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "job",
        "status",
        "intent",
        "submission",
        "review",
        "from",
        "to",
        "minDuration",
        "maxDuration",
        "minScore",
        "maxScore",
        "critical",
        "audio",
        "q",
        "sort",
        "cursor",
        "size",
        "unmasked",
      ]),
    );
  });
});
