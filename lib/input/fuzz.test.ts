import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { hostileValue as value } from "../../dev/testing/hostile-values";

/**
 * Every URL parameter of the lists (calls, review queue, audit, exports) and
 * every server action's input, fuzzed: hostile values never make a query,
 * a route or an action throw or answer 5xx. They are reported (a notice, a
 * 400, an `{ ok: false }` result) or ignored where the contract says so.
 */

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers({ "x-lvr-path": "/fuzz" }),
}));

const { parseCallFilters } = await import("../call-records/query/filters");
const { listCallRecords } = await import("../call-records/query/data");
const { countMatching } = await import("../call-records/query/count");
const { facetCounts } = await import("../call-records/query/facets");
const { parseAuditFilters, listAuditEvents } = await import("../audit/data");
const { queueParams } = await import("../review/queue");
const { disconnectPrisma } = await import("../db/client");
const review = await import("../review/actions");
const submissions = await import("../submissions/actions");
const privacy = await import("../privacy/actions");
const users = await import("../users/actions");
const callsExport = await import("@/app/api/calls/export/route");
const auditExport = await import("@/app/api/audit/export/route");
const batchRoute = await import("@/app/api/submissions/[id]/route");
const batchListRoute = await import("@/app/api/submissions/route");
const audioRoute = await import("@/app/api/audio/[id]/route");

const ZONE = "Asia/Shanghai";
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const CALLS_PARAMS = [
  "job",
  "status",
  "intent",
  "submission",
  "review",
  "reviewer",
  "from",
  "to",
  "minDuration",
  "maxDuration",
  "audio",
  "q",
  "sort",
  "cursor",
  "size",
  "batch",
  "compliance",
  "receivedBefore",
  "hold",
  "minScore",
  "maxScore",
  "critical",
  "unmasked",
];
const AUDIT_PARAMS = ["user", "action", "from", "to", "before"];
const query = (names: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 6 }).map((pairs) => {
    const p = new URLSearchParams();
    for (const [k, v] of pairs) p.append(k, v);
    return p;
  });

let cookie = "";
let operatorToken = "";
beforeAll(async () => {
  const admin = await sessionFor("admin");
  token = admin.token;
  cookie = `${SESSION_COOKIE}=${admin.token}`;
  operatorToken = (await sessionFor("operator")).token;
});
afterAll(() => disconnectPrisma());

const settle = async (res: Response) => {
  expect(
    res.status,
    await res
      .clone()
      .text()
      .then((t) => t.slice(0, 200)),
  ).toBeLessThan(500);
  await res.arrayBuffer(); // the whole body: a stream that fails half-way would throw here
  return res.status;
};

describe("fuzzing the lists' URL parameters", () => {
  it("the calls list, its count and facets, and the review queue run every parsed filter", async () => {
    await fc.assert(
      fc.asyncProperty(query(CALLS_PARAMS), async (params) => {
        const { filters } = parseCallFilters(params);
        await listCallRecords(filters, ZONE);
        await countMatching(filters, ZONE);
        await facetCounts(filters, ZONE);
        const queue = parseCallFilters(queueParams(params, ZONE)).filters;
        await listCallRecords(queue, ZONE);
      }),
      { numRuns: RUNS },
    );
  }, 240_000);

  it("the CSV export answers 200 with a whole file or a 400, decided before the first byte", async () => {
    await fc.assert(
      fc.asyncProperty(query(CALLS_PARAMS), async (params) => {
        params.set("job", "1"); // a job of no records: the file stays small
        const status = await settle(
          await callsExport.GET(
            new Request(`http://localhost/api/calls/export?${params}`, { headers: { cookie } }),
            undefined,
          ),
        );
        expect([200, 400]).toContain(status);
        if (parseCallFilters(params).errors.length) expect(status).toBe(400);
      }),
      { numRuns: RUNS },
    );
  }, 240_000);

  it("the audit page's query and the audit export", async () => {
    await fc.assert(
      fc.asyncProperty(query(AUDIT_PARAMS), async (params) => {
        const { filters, errors } = parseAuditFilters(params);
        await listAuditEvents(filters, 5);
        const status = await settle(
          await auditExport.GET(
            new Request(`http://localhost/api/audit/export?${params}`, { headers: { cookie } }),
            undefined,
          ),
        );
        expect(status).toBe(errors.length ? 400 : 200);
      }),
      { numRuns: RUNS },
    );
  }, 240_000);

  it("routes with an id in the path, and any session cookie", async () => {
    // What HTTP can carry in a header (printable ASCII): NUL and the like never reach the app.
    const cookies = fc.oneof(
      fc.constant(cookie),
      value.filter((v) => /^[\x20-\x7e]*$/.test(v)).map((v) => `${SESSION_COOKIE}=${v}`),
    );
    await fc.assert(
      fc.asyncProperty(value, cookies, async (id, c) => {
        const init = { headers: { cookie: c } };
        await settle(
          await batchRoute.GET(new Request("http://localhost/api/submissions/x", init), {
            params: Promise.resolve({ id }),
          }),
        );
        await settle(
          await audioRoute.GET(new Request("http://localhost/api/audio/x", init), { params: Promise.resolve({ id }) }),
        );
        await settle(
          await batchListRoute.GET(
            // URLSearchParams writes a lone surrogate as U+FFFD, as a browser would; encodeURIComponent throws.
            new Request(`http://localhost/api/submissions?${new URLSearchParams({ before: id })}`, init),
            { params: Promise.resolve({}) },
          ),
        );
      }),
      { numRuns: RUNS },
    );
  }, 240_000);
});

describe("fuzzing the server actions' inputs", () => {
  // Small numeric ids are moved to a range no test uses: the actions below must not touch other tests' rows.
  const id = fc
    .oneof(value, fc.constantFrom("9223372036854775808", "9999999999999999999", "18446744073709551616"))
    .map((s) => (/^\d{1,15}$/.test(s) ? `77777${s.padStart(14, "0")}` : s));
  const anything = fc.oneof(value, fc.integer(), fc.constant(null), fc.boolean(), fc.array(value, { maxLength: 3 }));

  it("answer an { ok } result for any id, text or query, never a throw", async () => {
    token = (await sessionFor("admin")).token;
    await fc.assert(
      fc.asyncProperty(id, value, anything, query(CALLS_PARAMS), async (recordId, text, other, params) => {
        params.set("job", "1"); // a queue of no records: nothing of other tests gets claimed
        const results = [
          await review.claimNextRecord({ query: params.toString(), exclude: [recordId] }),
          await review.renewRecordClaim({ callRecordId: recordId }),
          await review.releaseRecordClaim({ callRecordId: recordId }),
          await review.submitReviewVerdict({
            callRecordId: recordId,
            verdict: "flagged",
            reasons: [text],
            notes: text,
            correctedIntent: { tagId: recordId, code: 1, name: text },
          }),
          await review.addReviewComment({ callRecordId: recordId, positionMs: 1, body: text }),
          await submissions.checkSubmission({ selection: { type: "filter", query: params.toString() } }),
          await submissions.checkSubmission({ selection: { type: "batch", batchId: recordId, failureCode: text } }),
          await submissions.submitRecords({ selection: { type: "ids", ids: [recordId] } }),
          await submissions.retryRecord({ callRecordId: recordId }),
          await submissions.cancelSubmissionBatch({ batchId: recordId }),
          await submissions.resumeSubmissionBatch({ batchId: recordId }),
          await privacy.revealContact({ callRecordId: recordId, reason: `reason ${text}` }),
          await users.changeRole({ userId: recordId, role: "operator" }),
          // @ts-expect-error: what a replayed request may send, not what the form does
          await users.setUserDisabled({ userId: recordId, disabled: other }),
        ];
        for (const r of results) expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: RUNS },
    );
  }, 240_000);

  it("refuse ids above int64 with a clear result (they used to throw a database error)", async () => {
    token = (await sessionFor("admin")).token;
    for (const big of ["9223372036854775808", "9999999999999999999"]) {
      expect(await submissions.retryRecord({ callRecordId: big })).toMatchObject({ ok: false, code: "invalid_input" });
      expect(await submissions.cancelSubmissionBatch({ batchId: big })).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
      expect(await review.renewRecordClaim({ callRecordId: big })).toMatchObject({ ok: false, code: "invalid_input" });
      expect(await users.setUserDisabled({ userId: big, disabled: true })).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
      expect(await privacy.revealContact({ callRecordId: big, reason: "fuzz test" })).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
    }
    expect(await review.addReviewComment({ callRecordId: "1", positionMs: 0, body: "a\u0000b" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    token = operatorToken;
    expect(await review.renewRecordClaim({ callRecordId: "9999999999999999999" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });
});
