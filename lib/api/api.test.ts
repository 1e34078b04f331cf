import { describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { BASE, call, dispatch, tokenFor } from "../../dev/testing/api";

let nextJob = 6_600_000_000_000_000n;
let nextRecord = 5_100_000_000_000_000_000n;

async function seedJob(n: number): Promise<{ jobId: string; ids: string[] }> {
  const jobId = (nextJob++).toString();
  const ids = Array.from({ length: n }, () => (nextRecord++).toString());
  const r = await ingestCallRecords(
    ids.map((id) => ({
      call_record_id: id,
      robot_call_job_id: jobId,
      result_status: "ANSWERED",
      start_time: "2026-03-01 09:00:00",
      end_time: "2026-03-01 09:01:00",
      chat_duration: 55,
      name: "张三丰",
      called_phone_number: "13800001234",
      phone_number: "02155550000",
    })),
    { source: "api" },
  );
  expect(r.summary.rejected).toBe(0);
  return { jobId, ids };
}

const json = async (res: Response) =>
  (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; details: unknown } };

describe("/api/v1 tokens", () => {
  it("refuses a revoked token, an expired one, a disabled owner's, and follows a role change on the next request", async () => {
    const sup = await tokenFor("supervisor");
    expect((await call(sup.token, "GET", "/jobs?size=1")).status).toBe(200);

    await prisma.user.update({ where: { id: sup.userId }, data: { role: "operator" } });
    const demoted = await call(sup.token, "POST", "/submissions", { ids: ["1"], dry_run: true });
    expect(demoted.status).toBe(403);

    await prisma.user.update({ where: { id: sup.userId }, data: { disabledAt: new Date() } });
    expect((await json(await call(sup.token, "GET", "/jobs"))).error?.code).toBe("token_owner_disabled");

    const op = await tokenFor("operator");
    await prisma.apiToken.update({ where: { id: op.tokenId }, data: { revokedAt: new Date() } });
    const revoked = await call(op.token, "GET", "/jobs");
    expect(revoked.status).toBe(401);
    expect((await json(revoked)).error?.code).toBe("token_revoked");

    const old = await tokenFor("operator", { expiresAt: new Date(Date.now() - 1000) });
    expect((await json(await call(old.token, "GET", "/jobs"))).error?.code).toBe("token_expired");
  });

  it("narrows a read-only token to reading", async () => {
    const ro = await tokenFor("admin", { readOnly: true });
    expect((await call(ro.token, "GET", "/audit?action=api.")).status).toBe(200);
    const res = await call(ro.token, "POST", "/submissions", { ids: ["1"], dry_run: true });
    expect(res.status).toBe(403);
    expect((await json(res)).error?.message).toMatch(/read-only/);
  });

  it("puts every use on the audit trail as the owner, with the token's name", async () => {
    const op = await tokenFor("operator");
    await call(op.token, "GET", "/jobs?size=1");
    const event = await prisma.auditEvent.findFirst({
      where: { actorId: op.userId, action: "api.request" },
      orderBy: { id: "desc" },
    });
    expect(event?.details).toMatchObject({
      method: "GET",
      path: "/api/v1/jobs",
      status: 200,
      via: { token: expect.stringContaining("test operator") },
    });
  });

  it("rate-limits per token with headers, shared through the database", async () => {
    const op = await tokenFor("operator");
    process.env.API_RATE_LIMIT = "3";
    const { resetEnvCache } = await import("../env");
    resetEnvCache();
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await call(op.token, "GET", "/submissions?limit=1"));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0]!.headers.get("RateLimit-Limit")).toBe("3");
      expect(answers[1]!.headers.get("RateLimit-Remaining")).toBe("1");
      expect(Number(answers[3]!.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await json(answers[3]!)).error?.code).toBe("rate_limited");
      // Another token has its own budget.
      expect((await call((await tokenFor("operator")).token, "GET", "/submissions?limit=1")).status).toBe(200);
    } finally {
      delete process.env.API_RATE_LIMIT;
      resetEnvCache();
    }
  });
});

describe("/api/v1 call records", () => {
  it("answers the /calls parameters with the page's validation, keyset pages and a total", async () => {
    const { jobId, ids } = await seedJob(3);
    const op = await tokenFor("operator");
    const bad = await call(op.token, "GET", `/call-records?job=${jobId}&size=7&submission=nope`);
    expect(bad.status).toBe(400);
    const body = await json(bad);
    expect(body.error?.code).toBe("invalid_parameter");
    expect((body.error?.details as { param: string }[]).map((d) => d.param).sort()).toEqual(["size", "submission"]);

    const first = await json(await call(op.token, "GET", `/call-records?job=${jobId}&size=25&sort=start_time`));
    expect(first.total).toEqual({ value: 3, exact: true });
    expect((first.data as { call_record_id: string }[]).map((r) => r.call_record_id).sort()).toEqual([...ids].sort());
    expect(first.next_cursor).toBeNull();
    expect((await call(op.token, "GET", `/call-records?cursor=garbage`)).status).toBe(400);
  });

  it("masks personal data unless the owner may reveal it and asks, and audits the reveal", async () => {
    const { jobId, ids } = await seedJob(1);
    const op = await tokenFor("operator");
    const masked = (await json(await call(op.token, "GET", `/call-records?job=${jobId}`))).data as Record<
      string,
      string
    >[];
    expect(masked[0]).toMatchObject({ called_phone_number: "138****1234", name: "张**", phone_number: "021****0000" });
    expect((await call(op.token, "GET", `/call-records?job=${jobId}&unmasked=true`)).status).toBe(403);

    const sup = await tokenFor("supervisor");
    const full = (
      await json(await call(sup.token, "GET", `/call-records?job=${jobId}&unmasked=true&reason=court+filing`))
    ).data as Record<string, string>[];
    expect(full[0]).toMatchObject({ called_phone_number: "13800001234", name: "张三丰" });
    const reveal = await prisma.auditEvent.findFirst({
      where: { actorId: sup.userId, action: "pii.reveal" },
      orderBy: { id: "desc" },
    });
    expect(reveal?.details).toMatchObject({
      reason: "court filing",
      call_record_ids: ids,
      via: { token: expect.any(String) },
    });

    const one = await json(await call(sup.token, "GET", `/call-records/${ids[0]}`));
    expect(one).toMatchObject({
      call_record_id: ids[0],
      name: "张**",
      attempts: [],
      reviews: [],
      submission: { state: "not_submitted", attempts: 0, last_outcome: null },
    });
    expect((await call(sup.token, "GET", `/call-records/12x`)).status).toBe(400);
    expect((await call(sup.token, "GET", `/call-records/1`)).status).toBe(404);
  });
});

describe("/api/v1 submissions", () => {
  it("dry-runs, creates with an Idempotency-Key (replayed with the same body, 409 with another), and cancels", async () => {
    const { jobId, ids } = await seedJob(2);
    const sup = await tokenFor("supervisor");
    const dry = await json(await call(sup.token, "POST", "/submissions", { filter: `job=${jobId}`, dry_run: true }));
    expect(dry).toMatchObject({ dry_run: true, matching: 2, sendable: 2, held_back: [] });
    expect(await prisma.submissionBatch.count({ where: { createdBy: sup.email } })).toBe(0);

    const headers = { "Idempotency-Key": `k-${jobId}` };
    const created = await call(sup.token, "POST", "/submissions", { ids }, headers);
    expect(created.status).toBe(202);
    const batch = await json(created);
    expect(batch).toMatchObject({ state: "running", total: 2, held_back: [] });

    const again = await call(sup.token, "POST", "/submissions", { ids }, headers);
    expect(again.status).toBe(202);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await json(again)).id).toBe(batch.id);
    expect(await prisma.submissionBatch.count({ where: { createdBy: sup.email } })).toBe(1);

    const other = await call(sup.token, "POST", "/submissions", { ids: [ids[0]] }, headers);
    expect(other.status).toBe(409);
    expect((await json(other)).error?.code).toBe("idempotency_key_reused");

    // Nothing to send is a 409 saying why.
    const none = await call(sup.token, "POST", "/submissions", { ids: ["1"] });
    expect(none.status).toBe(409);
    expect((await json(none)).error).toMatchObject({ code: "nothing_to_send", details: { held_back: [] } });

    const cancelled = await json(await call(sup.token, "POST", `/submissions/${batch.id}/cancel`));
    expect(cancelled).toMatchObject({ id: batch.id, state: "cancelled" });
    expect((await call(sup.token, "POST", `/submissions/${batch.id}/cancel`)).status).toBe(409);
    const detail = await json(await call(sup.token, "GET", `/submissions/${batch.id}`));
    expect(detail).toMatchObject({ id: batch.id, state: "cancelled", failure_groups: [] });
    const audited = await prisma.auditEvent.findFirst({ where: { actorId: sup.userId, action: "submission.submit" } });
    expect(audited?.details).toMatchObject({ via: { token: expect.any(String) } });
  });

  it("answers bad bodies with 400, 413 and 415, never 500", async () => {
    const sup = await tokenFor("supervisor");
    const both = await json(await call(sup.token, "POST", "/submissions", { ids: ["1"], filter: "job=1" }));
    expect(both.error).toMatchObject({ code: "invalid_parameter", details: [{ param: "filter" }] });
    const badFilter = await json(await call(sup.token, "POST", "/submissions", { filter: "submission=nope" }));
    expect(badFilter.error?.details).toEqual([
      { param: "filter.submission", message: expect.stringContaining("nope") },
    ]);
    expect((await call(sup.token, "POST", "/submissions", { ids: ["x"] })).status).toBe(400);
    const raw = (body: string, type: string) =>
      dispatch(
        new Request(`${BASE}/submissions`, {
          method: "POST",
          headers: { authorization: `Bearer ${sup.token}`, "content-type": type },
          body,
        }),
      );
    const notJson = await raw("{ids:", "application/json");
    expect(notJson.status).toBe(400);
    expect((await json(notJson)).error?.code).toBe("invalid_json");
    expect((await raw("ids=1", "text/plain")).status).toBe(415);
    const big = await call(sup.token, "POST", "/submissions", { filter: "q=" + "x".repeat(1_100_000) });
    expect(big.status).toBe(413);
    expect((await call(sup.token, "GET", "/submissions/abc")).status).toBe(400);
    expect((await call(sup.token, "GET", "/submissions?limit=1000")).status).toBe(400);
    expect((await call(sup.token, "GET", "/jobs?cursor=nope")).status).toBe(400);
  });
});

describe("named ingest tokens", () => {
  it("take records for their source, recorded on each record, until revoked", async () => {
    const { createIngestToken, revokeIngestToken } = await import("../api-tokens/mutations");
    const created = await createIngestToken({
      name: `robot-${Math.random().toString(36).slice(2, 8)}`,
      createdBy: "test",
    });
    expect(created?.token).toMatch(/^lvr_ing_/);
    const id = (nextRecord++).toString();
    const push = () =>
      call(created!.token, "POST", "/call-records", [
        { call_record_id: id, robot_call_job_id: "77", result_status: "ANSWERED" },
      ]);
    const res = await push();
    expect(res.status).toBe(200);
    expect((await json(res)).summary).toMatchObject({ created: 1 });
    const record = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: BigInt(id) } });
    expect(record.sourceName).toMatch(/^robot-/);
    await revokeIngestToken(created!.id);
    expect([401, 503]).toContain((await push()).status);
  });
});
