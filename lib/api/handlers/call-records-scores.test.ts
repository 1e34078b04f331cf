import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { SESSION_COOKIE } from "../../auth/sessions";
import { sessionFor } from "../../auth/test-session";
import { call, tokenFor } from "../../../dev/testing/api";
import { seedReviewer, seedReviews, seedScorecard } from "../../../dev/testing/score-fixture";

/** The REST list and the CSV export share the /calls score filters: the same rows, and a 400 naming the parameter. */

// Test ids of this file: 78550000000000–78559999999999 (tests share one database).
const BASE = 78_550_000_000_000n + BigInt(randomInt(0, 9_000_000)) * 1_000n;
const JOB = BASE + 999n;

beforeAll(async () => {
  const ids: bigint[] = [];
  for (let i = 1; i <= 3; i++) {
    const r = await prisma.callRecord.create({
      data: { callRecordId: BASE + BigInt(i), robotCallJobId: JOB, source: "seed", contentHash: "0".repeat(64) },
    });
    ids.push(r.id);
  }
  const version = await seedScorecard();
  const reviewer = await seedReviewer("API Scorer");
  await seedReviews([
    { recordId: ids[0]!, reviewerId: reviewer, score: 92.5, versionId: version, at: new Date() },
    { recordId: ids[1]!, reviewerId: reviewer, score: 61, criticalFailed: true, versionId: version, at: new Date() },
  ]);
});

afterAll(async () => {
  await prisma.callRecord.deleteMany({ where: { robotCallJobId: JOB } });
});

type Problem = { error: { code: string; details: { param: string }[] } };

describe("/api/v1/call-records score filters", () => {
  it("lists the scored calls matching minScore, maxScore and critical, with the current score", async () => {
    const op = await tokenFor("operator");
    const list = async (q: string) => {
      const res = await call(op.token, "GET", `/call-records?job=${JOB}&${q}`);
      expect(res.status).toBe(200);
      return (await res.json()) as {
        data: { call_record_id: string; review: { score: number | null; critical_failed: boolean | null } }[];
        total: { value: number };
      };
    };
    const high = await list("minScore=90");
    expect(high.data.map((r) => [r.call_record_id, r.review.score, r.review.critical_failed])).toEqual([
      [String(BASE + 1n), 92.5, false],
    ]);
    expect(high.total.value).toBe(1);
    expect((await list("critical=failed")).data.map((r) => r.call_record_id)).toEqual([String(BASE + 2n)]);
    expect((await list("maxScore=92.5&critical=passed")).data.map((r) => r.call_record_id)).toEqual([
      String(BASE + 1n),
    ]);
    const unscored = (await list("")).data.find((r) => r.call_record_id === String(BASE + 3n));
    expect(unscored?.review).toMatchObject({ score: null, critical_failed: null });
  });

  it.each([
    ["minScore=abc", "minScore"],
    ["maxScore=100.5", "maxScore"],
    ["minScore=80&maxScore=20", "maxScore"],
    ["minScore=9&maxScore=10&critical=yes", "critical"],
  ])("answers %s with a 400 naming %s", async (q, param) => {
    const op = await tokenFor("operator");
    const res = await call(op.token, "GET", `/call-records?job=${JOB}&${q}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Problem;
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.details.map((d) => d.param)).toEqual([param]);
  });

  it("refuses a bad score filter on the CSV export with a 400 naming it", async () => {
    const { GET } = await import("@/app/api/calls/export/route");
    const cookie = `${SESSION_COOKIE}=${(await sessionFor("operator")).token}`;
    const res = await GET(
      new Request(`http://localhost/api/calls/export?job=${JOB}&minScore=70&maxScore=7`, { headers: { cookie } }),
      undefined,
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("maxScore");
  });
});
