import { beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE, type SessionUser } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { calibrationAgreement } from "./agreement";
import { TEST_SECTIONS } from "../../dev/testing/scorecard-fixture";

/**
 * A calibration round on the real database: a supervisor gives two calls to
 * three reviewers, they answer, and the session compares their answers. The
 * calls' own verdicts and scores are never touched.
 */

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));

const actions = await import("./actions");
const { createScorecard } = await import("./mutations");
const { calibrationAssignmentsOf, getCalibrationSession } = await import("./calibration-data");

const JOB = "7360000000000001";
const CALLS = ["736000000001", "736000000002"];
let versionId = "";
const supervisor = { token: "", userId: 0n };
const reviewers: { token: string; userId: bigint }[] = [];

beforeAll(async () => {
  await ingestCallRecords(
    CALLS.map((id) => ({ call_record_id: id, robot_call_job_id: JOB, result_status: "ANSWERED" })),
    { source: "seed" },
  );
  Object.assign(supervisor, await sessionFor("supervisor"));
  for (let i = 0; i < 3; i++) reviewers.push(await sessionFor("reviewer"));
  const creator = await prisma.user.findUniqueOrThrow({ where: { id: supervisor.userId } });
  const card = await createScorecard(
    { id: creator.id, email: creator.email, name: creator.name, role: "admin" } as SessionUser,
    {
      name: `test-calibration-${process.pid}`,
      jobIds: [],
      isDefault: false,
      sections: TEST_SECTIONS,
    },
  );
  versionId = card.versionId.toString();
});

describe("calibration", () => {
  it("assigns calls to reviewers, keeps their answers apart from the verdicts, and compares them", async () => {
    token = reviewers[0]!.token;
    const input = {
      name: "December round",
      versionId,
      callRecordIds: CALLS,
      reviewerIds: reviewers.map((r) => r.userId.toString()),
    };
    expect(await actions.createCalibrationAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    token = supervisor.token;
    expect(
      await actions.createCalibrationAction({ ...input, callRecordIds: [...CALLS, "736000000099"] }),
    ).toMatchObject({ ok: false, code: "invalid_input", message: "callRecordIds: no such call 736000000099" });
    expect(
      await actions.createCalibrationAction({ ...input, reviewerIds: [reviewers[0]!.userId.toString()] }),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    const created = await actions.createCalibrationAction(input);
    if (!created.ok) throw new Error(created.message);
    const sessionId = created.data.id;
    expect(
      (await calibrationAssignmentsOf(reviewers[0]!.userId)).filter((a) => a.sessionId === sessionId),
    ).toHaveLength(2);

    const base = { firm_named: "pass", tone: 4, recorded: "pass", no_threats: 3 } as const;
    const answers = [base, { ...base, tone: 3 }, { ...base, firm_named: "fail" }] as const;
    for (const [i, r] of reviewers.entries()) {
      token = r.token;
      for (const callRecordId of CALLS) {
        const a = callRecordId === CALLS[0] ? answers[i]! : base;
        const res = await actions.submitCalibrationAction({ sessionId, callRecordId, answers: a });
        expect(res.ok, JSON.stringify(res)).toBe(true);
      }
    }
    token = reviewers[2]!.token;
    expect(
      (await actions.submitCalibrationAction({ sessionId, callRecordId: CALLS[0]!, answers: { tone: 1 } })).ok,
    ).toBe(false);
    // A reviewer not assigned to the session cannot answer in it.
    token = supervisor.token;
    expect(await actions.submitCalibrationAction({ sessionId, callRecordId: CALLS[0]!, answers: base })).toMatchObject({
      ok: false,
      code: "not_found",
    });

    const session = (await getCalibrationSession(BigInt(sessionId)))!;
    expect(session.assignments.filter((a) => a.submittedAt)).toHaveLength(6);
    expect(session.assignments.find((a) => a.reviewerId === reviewers[2]!.userId.toString())).toMatchObject({
      criticalFailed: true,
    });
    const agreement = calibrationAgreement(
      session.sections,
      session.assignments.map((a) => ({ recordId: a.callRecordId, reviewerId: a.reviewerId, answers: a.answers })),
    );
    // 2 calls × 4 items; the first call differs on tone and firm_named.
    expect(agreement).toMatchObject({ compared: 8, agreed: 6, rate: 0.75 });

    // Closing: reviewers can no longer answer, the comparison stays, and it is audited.
    token = reviewers[0]!.token;
    expect(await actions.closeCalibrationAction({ sessionId })).toMatchObject({ ok: false, code: "forbidden" });
    token = supervisor.token;
    expect(await actions.closeCalibrationAction({ sessionId: "999999999" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await actions.closeCalibrationAction({ sessionId })).toMatchObject({ ok: true });
    expect(await actions.closeCalibrationAction({ sessionId })).toMatchObject({ ok: true });
    const audits = await prisma.auditEvent.findMany({
      where: { action: "calibration.close", target: `calibration:${sessionId}` },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.details as { alreadyClosed?: boolean }).alreadyClosed)).toEqual([false, true]);
    token = reviewers[0]!.token;
    expect(await actions.submitCalibrationAction({ sessionId, callRecordId: CALLS[0]!, answers: base })).toMatchObject({
      ok: false,
      code: "closed",
    });
    expect(
      (await calibrationAssignmentsOf(reviewers[0]!.userId)).filter((a) => a.sessionId === sessionId),
    ).toHaveLength(0);
    const closed = (await getCalibrationSession(BigInt(sessionId)))!;
    expect(closed).toMatchObject({ closed: true });
    expect(closed.assignments.filter((a) => a.submittedAt)).toHaveLength(6);

    const records = await prisma.callRecord.findMany({
      where: { callRecordId: { in: CALLS.map(BigInt) } },
      select: { reviewState: true, reviewScore: true, _count: { select: { reviews: true } } },
    });
    expect(
      records.every((r) => r.reviewState === "unreviewed" && r.reviewScore === null && r._count.reviews === 0),
    ).toBe(true);
  });
});
