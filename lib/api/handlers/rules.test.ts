import { beforeAll, describe, expect, it } from "vitest";
import { call, tokenFor } from "../../../dev/testing/api";
import { ingestCallRecords } from "../../call-records/ingest/mutations";
import { prisma } from "../../db/client";

/** /api/v1/reporting-rules: the body contract, validation that names the parameter, and who may write. */

let supervisor: string;
let readOnly: string;
const jobId = "71009000000000";

beforeAll(async () => {
  supervisor = (await tokenFor("supervisor")).token;
  readOnly = (await tokenFor("supervisor", { readOnly: true })).token;
  await ingestCallRecords(
    ["71009000000001", "71009000000002"].map((id) => ({
      call_record_id: id,
      robot_call_job_id: jobId,
      result_status: "ANSWERED",
      start_time: "2026-03-01 09:00:00",
    })),
    { source: "api" },
  );
  // Changed five minutes ago: inside the default settle delay, but settled for a delay of 0 even while
  // other test files hold transactions open (the settle boundary never passes the oldest open transaction).
  await prisma.$executeRaw`
    UPDATE call_records SET updated_at = now() - interval '5 minutes' WHERE robot_call_job_id = ${BigInt(jobId)}`;
});

const problems = async (res: Response) =>
  ((await res.json()) as { error: { code: string; details: { param: string }[] } }).error;

describe("/api/v1/reporting-rules", () => {
  it("creates, reads, changes, dry-runs and deletes a rule", async () => {
    const created = await call(supervisor, "POST", "/reporting-rules", {
      name: `api rule ${jobId}`,
      filter: `?job=${jobId}&status=ANSWERED`,
    });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as Record<string, unknown> & { id: string };
    expect(rule).toMatchObject({
      name: `api rule ${jobId}`,
      filter: `job=${jobId}&status=ANSWERED`,
      settle_seconds: 600,
      daily_cap: null,
      enabled: false,
      paused: null,
      today: { queued: 0, accepted: 0, failed: 0, waiting: 0 },
    });
    expect((await call(supervisor, "GET", `/reporting-rules/${rule.id}`)).status).toBe(200);
    const list = (await (await call(supervisor, "GET", "/reporting-rules")).json()) as { items: { id: string }[] };
    expect(list.items.map((r) => r.id)).toContain(rule.id);

    const dry = await call(supervisor, "POST", `/reporting-rules/${rule.id}/dry-run`);
    expect(await dry.json()).toEqual({ matching: 2, would_send: 0, held_back: [{ reason: "not_settled", count: 2 }] });

    const patched = await call(supervisor, "PATCH", `/reporting-rules/${rule.id}`, { settle_seconds: 0, daily_cap: 1 });
    expect(await patched.json()).toMatchObject({ settle_seconds: 0, daily_cap: 1, enabled: false });
    const capped = await call(supervisor, "POST", `/reporting-rules/${rule.id}/dry-run`);
    expect(await capped.json()).toEqual({ matching: 2, would_send: 1, held_back: [{ reason: "daily_cap", count: 1 }] });

    expect((await call(supervisor, "DELETE", `/reporting-rules/${rule.id}`)).status).toBe(200);
    expect((await call(supervisor, "GET", `/reporting-rules/${rule.id}`)).status).toBe(404);
    expect((await call(supervisor, "DELETE", `/reporting-rules/${rule.id}`)).status).toBe(404);
  });

  it("answers 400 naming the parameter for a bad filter, settle delay, cap or name", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "bad filter", filter: "status=ANSWERED&submission=sent" }, "filter.submission"],
      [{ name: "bad job", filter: "job=abc" }, "filter.job"],
      [{ name: "bad settle", filter: "", settle_seconds: -1 }, "settle_seconds"],
      [{ name: "bad cap", filter: "", daily_cap: 0 }, "daily_cap"],
      [{ name: "", filter: "" }, "name"],
      [{ name: "extra", filter: "", fast: true }, ""],
    ];
    for (const [body, param] of cases) {
      const res = await call(supervisor, "POST", "/reporting-rules", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = await problems(res);
      expect(error.code).toBe("invalid_parameter");
      if (param) expect(error.details.map((d) => d.param)).toContain(param);
    }
    const patch = await call(supervisor, "PATCH", "/reporting-rules/1", { filter: "minDuration=x" });
    expect(patch.status).toBe(400);
    expect((await problems(patch)).details.map((d) => d.param)).toContain("filter.minDuration");
    expect((await call(supervisor, "GET", "/reporting-rules/abc")).status).toBe(400);
  });

  it("refuses a duplicate name (409) and writes with a read-only token (403)", async () => {
    const body = { name: `twice ${jobId}`, filter: `job=${jobId}` };
    expect((await call(supervisor, "POST", "/reporting-rules", body)).status).toBe(201);
    const again = await call(supervisor, "POST", "/reporting-rules", body);
    expect(again.status).toBe(409);
    expect((await problems(again)).code).toBe("name_taken");
    const ro = await call(readOnly, "POST", "/reporting-rules", { name: "read only", filter: "" });
    expect(ro.status).toBe(403);
    expect((await call(readOnly, "GET", "/reporting-rules")).status).toBe(200);
  });
});
