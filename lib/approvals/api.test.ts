import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { resetEnvCache } from "../env";
import * as api from "../../dev/testing/api";

// Approval on, at 3 records, for this file only (each test file runs in its own process).
process.env.SUBMISSION_APPROVAL_THRESHOLD = "3";
resetEnvCache();

// This helper's id range (73…), apart from approval.test.ts's.
let nextRecord = 73_004_000_000_000n + BigInt(randomInt(0, 3_000)) * 1_000_000n;
let nextJob = 73_009_000_000_000n + BigInt(randomInt(0, 900_000)) * 1_000n;

async function seed(n: number): Promise<string> {
  const jobId = (nextJob++).toString();
  const r = await ingestCallRecords(
    Array.from({ length: n }, () => ({
      call_record_id: (nextRecord++).toString(),
      robot_call_job_id: jobId,
      result_status: "ANSWERED",
      start_time: "2026-03-01 09:00:00",
      end_time: "2026-03-01 09:01:00",
      chat_duration: 55,
    })),
    { source: "api" },
  );
  expect(r.summary.rejected).toBe(0);
  return jobId;
}

let maker: Awaited<ReturnType<typeof api.tokenFor>>;
let checker: Awaited<ReturnType<typeof api.tokenFor>>;
beforeAll(async () => {
  maker = await api.tokenFor("supervisor");
  checker = await api.tokenFor("admin");
});

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });

describe("/api/v1 four-eyes approval", () => {
  it("says so in the dry run, answers awaiting_approval, and is decided only by another person", async () => {
    const jobId = await seed(4);
    const dry = await json(
      await api.call(maker.token, "POST", "/submissions", { filter: `job=${jobId}`, dry_run: true }),
    );
    expect(dry).toMatchObject({ status: 200, body: { sendable: 4, approval_reasons: ["threshold"] } });

    const created = await json(await api.call(maker.token, "POST", "/submissions", { filter: `job=${jobId}` }));
    expect(created).toMatchObject({ status: 202, body: { state: "awaiting_approval", total: 4 } });
    const id = created.body.id as string;

    const shown = await json(await api.call(checker.token, "GET", `/submissions/${id}`));
    expect(shown).toMatchObject({
      status: 200,
      body: {
        state: "awaiting_approval",
        eta_seconds: null,
        approval: { reasons: ["threshold"], requested_by: maker.email, decision: null, held_back: [] },
      },
    });

    const own = await json(await api.call(maker.token, "POST", `/submissions/${id}/approve`, { comment: "mine" }));
    expect(own).toMatchObject({ status: 403, body: { error: { code: "own_request" } } });

    const noComment = await json(await api.call(checker.token, "POST", `/submissions/${id}/reject`, {}));
    expect(noComment).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    expect(JSON.stringify(noComment.body)).toContain("comment");

    const approved = await json(await api.call(checker.token, "POST", `/submissions/${id}/approve`, { comment: "ok" }));
    expect(approved).toMatchObject({ status: 200, body: { id, state: "running" } });
    const after = await json(await api.call(maker.token, "GET", `/submissions/${id}`));
    expect(after.body).toMatchObject({ approval: { decision: "approved", decided_by: checker.email, comment: "ok" } });
    expect(["running", "done"]).toContain(after.body.state);

    const again = await json(await api.call(checker.token, "POST", `/submissions/${id}/reject`, { comment: "late" }));
    expect(again).toMatchObject({ status: 409, body: { error: { code: "not_awaiting" } } });
  });

  it("reports rejected and expired batches by name", async () => {
    const rejected = await json(
      await api.call(maker.token, "POST", "/submissions", { filter: `job=${await seed(4)}` }),
    );
    const rid = rejected.body.id as string;
    const r = await json(await api.call(checker.token, "POST", `/submissions/${rid}/reject`, { comment: "wrong day" }));
    expect(r).toMatchObject({ status: 200, body: { state: "rejected" } });
    expect((await json(await api.call(maker.token, "GET", `/submissions/${rid}`))).body).toMatchObject({
      state: "rejected",
      approval: { decision: "rejected", comment: "wrong day" },
    });

    const stale = await json(await api.call(maker.token, "POST", "/submissions", { filter: `job=${await seed(4)}` }));
    const sid = stale.body.id as string;
    await prisma.submissionApproval.update({ where: { batchId: BigInt(sid) }, data: { expiresAt: new Date(0) } });
    expect((await json(await api.call(maker.token, "GET", `/submissions/${sid}`))).body).toMatchObject({
      state: "expired",
      approval: { decision: "expired" },
    });
    const late = await json(await api.call(checker.token, "POST", `/submissions/${sid}/approve`, {}));
    expect(late).toMatchObject({ status: 409, body: { error: { code: "expired" } } });

    const list = await json(await api.call(maker.token, "GET", "/submissions?limit=100"));
    const states = new Map((list.body.data as { id: string; state: string }[]).map((b) => [b.id, b.state]));
    expect(states.get(rid)).toBe("rejected");
    expect(states.get(sid)).toBe("expired");
  });

  it("does not ask below the threshold", async () => {
    const created = await json(await api.call(maker.token, "POST", "/submissions", { filter: `job=${await seed(3)}` }));
    expect(created).toMatchObject({ status: 202, body: { state: "running" } });
  });
});
