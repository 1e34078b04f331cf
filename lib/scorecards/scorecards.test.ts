import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { TEST_SECTIONS } from "../../dev/testing/scorecard-fixture";

/**
 * Scorecards on the real database, through the actions as an admin and a
 * reviewer call them: versions, which scorecard applies, critical items and
 * the record's current score. Jobs and records are this file's own.
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
const review = await import("../review/actions");
const { getScorecard, listScorecards, scorecardForJob } = await import("./data");
const { getReviewItem, getRecordReview } = await import("../review/data");

const PREFIX = `test-scorecard-${process.pid}-`;
const JOB = "7350000000000001";
const OTHER_JOB = "7350000000000002";
const RECORDS = ["735000000001", "735000000002"];
const all = (answer: "pass" | "na") => ({
  firm_named: answer,
  tone: answer === "pass" ? 5 : answer,
  recorded: answer,
  no_threats: answer === "pass" ? 3 : answer,
});

let admin = "";
let reviewer = "";
beforeAll(async () => {
  admin = (await sessionFor("admin")).token;
  reviewer = (await sessionFor("reviewer")).token;
  await ingestCallRecords(
    RECORDS.map((id) => ({ call_record_id: id, robot_call_job_id: JOB, result_status: "ANSWERED" })),
    { source: "seed" },
  );
});

afterAll(async () => {
  await prisma.scorecard.updateMany({
    where: { name: { startsWith: PREFIX } },
    data: { archivedAt: new Date(), isDefault: false },
  });
});

async function create(name: string, over: Partial<Parameters<typeof actions.createScorecardAction>[0]> = {}) {
  token = admin;
  const r = await actions.createScorecardAction({
    name: `${PREFIX}${name}`,
    jobIds: [JOB],
    isDefault: false,
    sections: TEST_SECTIONS,
    ...over,
  });
  if (!r.ok) throw new Error(r.message);
  return r.data.id;
}

describe("scorecards", () => {
  it("edits as new versions, and a past review keeps the version it was scored with", async () => {
    const id = await create("versions");
    const v1 = await scorecardForJob(BigInt(JOB));
    expect(v1).toMatchObject({ scorecardId: id, version: 1 });

    token = reviewer;
    const first = await review.submitReviewVerdict({
      callRecordId: RECORDS[0]!,
      verdict: "passed",
      scorecard: { versionId: v1!.id, answers: all("pass") },
    });
    expect(first).toMatchObject({ ok: true, data: { score: 100, criticalFailed: false } });

    // The admin drops an item: version 2. A rename alone makes no new version.
    token = admin;
    const sections = [TEST_SECTIONS[0]!, { ...TEST_SECTIONS[1]!, items: [TEST_SECTIONS[1]!.items[0]!] }];
    const edited = await actions.updateScorecardAction({
      scorecardId: id,
      scorecard: { name: `${PREFIX}versions`, jobIds: [JOB], isDefault: false, sections },
    });
    expect(edited).toMatchObject({ ok: true, data: { version: 2, newVersion: true } });
    const renamed = await actions.updateScorecardAction({
      scorecardId: id,
      scorecard: { name: `${PREFIX}versions renamed`, jobIds: [JOB], isDefault: false, sections },
    });
    expect(renamed).toMatchObject({ ok: true, data: { version: 2, newVersion: false } });

    const card = await getScorecard(BigInt(id));
    expect(card?.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(card?.versions[1]?.sections).toEqual(TEST_SECTIONS);
    expect((await listScorecards()).find((c) => c.id === id)).toMatchObject({ latestVersion: 2, versions: 2 });

    const v2 = await scorecardForJob(BigInt(JOB));
    expect(v2).toMatchObject({ version: 2 });
    const stored = await prisma.review.findFirstOrThrow({
      where: { record: { callRecordId: BigInt(RECORDS[0]!) } },
      include: { scorecardVersion: true },
    });
    expect(stored).toMatchObject({ score: 100, criticalFailed: false, scorecardVersion: { version: 1 } });
    expect(stored.answers).toEqual(all("pass"));

    // Answers for version 1 against version 2 are refused: the item no longer exists.
    token = reviewer;
    const stale = await review.submitReviewVerdict({
      callRecordId: RECORDS[1]!,
      verdict: "passed",
      scorecard: { versionId: v2!.id, answers: all("pass") },
    });
    expect(stale).toMatchObject({
      ok: false,
      code: "invalid_input",
      message: "scorecard.answers.no_threats: no such item",
    });

    token = admin;
    expect((await actions.archiveScorecardAction({ scorecardId: id })).ok).toBe(true);
    expect(await scorecardForJob(BigInt(JOB))).toBeNull();
    // The archived scorecard's versions stay for the reviews scored with them.
    expect(await prisma.scorecardVersion.count({ where: { scorecardId: BigInt(id) } })).toBe(2);
  });

  it("a failed critical item forbids passing; the record's score follows its current review", async () => {
    const id = await create("critical");
    const version = (await scorecardForJob(BigInt(JOB)))!;
    const answers = { firm_named: "fail", tone: 5, recorded: "pass", no_threats: 3 } as const;
    token = reviewer;
    const callRecordId = RECORDS[1]!;
    expect(
      await review.submitReviewVerdict({
        callRecordId,
        verdict: "passed",
        scorecard: { versionId: version.id, answers },
      }),
    ).toMatchObject({ ok: false, code: "critical_failed" });
    const record = () =>
      prisma.callRecord.findUniqueOrThrow({
        where: { callRecordId: BigInt(callRecordId) },
        select: { id: true, reviewState: true, reviewScore: true, reviewCriticalFailed: true },
      });
    expect(await record()).toMatchObject({ reviewState: "unreviewed", reviewScore: null });

    const flagged = await review.submitReviewVerdict({
      callRecordId,
      verdict: "flagged",
      reasons: ["compliance"],
      scorecard: { versionId: version.id, answers },
    });
    expect(flagged).toMatchObject({ ok: true, data: { score: 73.68, criticalFailed: true } });
    expect(await record()).toMatchObject({ reviewState: "flagged", reviewScore: 73.68, reviewCriticalFailed: true });
    const page = await getRecordReview((await record()).id, "flagged");
    expect(page).toMatchObject({ score: 73.68, criticalFailed: true, scorecard: `${PREFIX}critical v1` });
    expect((await getReviewItem(BigInt(callRecordId)))?.history[0]).toMatchObject({ score: 73.68 });

    // Scored again, all n/a: no score. Then a verdict without the scorecard clears it too.
    await review.submitReviewVerdict({
      callRecordId,
      verdict: "passed",
      scorecard: { versionId: version.id, answers: all("na") },
    });
    expect(await record()).toMatchObject({ reviewState: "passed", reviewScore: null, reviewCriticalFailed: false });
    await review.submitReviewVerdict({
      callRecordId,
      verdict: "passed",
      scorecard: { versionId: version.id, answers: all("pass") },
    });
    expect(await record()).toMatchObject({ reviewScore: 100, reviewCriticalFailed: false });
    await review.submitReviewVerdict({ callRecordId, verdict: "passed" });
    expect(await record()).toMatchObject({ reviewScore: null, reviewCriticalFailed: null });

    token = admin;
    await actions.archiveScorecardAction({ scorecardId: id });
  });

  it("applies the scorecard naming the job, else the default; one job, one scorecard; one default", async () => {
    const named = await create("named", { jobIds: [OTHER_JOB] });
    const first = await create("default-1", { jobIds: [], isDefault: true });
    const second = await create("default-2", { jobIds: [], isDefault: true });
    expect((await scorecardForJob(BigInt(OTHER_JOB)))?.scorecardId).toBe(named);
    expect((await scorecardForJob(BigInt(JOB)))?.scorecardId).toBe(second);
    expect((await getScorecard(BigInt(first)))?.isDefault).toBe(false);

    token = admin;
    const clash = await actions.createScorecardAction({
      name: `${PREFIX}clash`,
      jobIds: [OTHER_JOB],
      isDefault: false,
      sections: TEST_SECTIONS,
    });
    expect(clash).toMatchObject({ ok: false, code: "job_taken" });
    // Names are unique among unarchived scorecards, whatever the case; a rename onto another's name too.
    const twin = await actions.createScorecardAction({
      name: `${PREFIX}NAMED`,
      jobIds: [],
      isDefault: false,
      sections: TEST_SECTIONS,
    });
    expect(twin).toMatchObject({ ok: false, code: "name_taken" });
    expect(
      await actions.updateScorecardAction({
        scorecardId: first,
        scorecard: { name: `${PREFIX}named`, jobIds: [], isDefault: false, sections: TEST_SECTIONS },
      }),
    ).toMatchObject({ ok: false, code: "name_taken" });
    expect(await actions.setDefaultScorecardAction({ scorecardId: first })).toMatchObject({ ok: true });
    expect((await scorecardForJob(BigInt(JOB)))?.scorecardId).toBe(first);

    // Refused: bad sections (with the path), and non-admins.
    expect(
      await actions.createScorecardAction({ name: `${PREFIX}bad`, jobIds: [], isDefault: false, sections: [] }),
    ).toMatchObject({ ok: false, code: "invalid_input", message: "sections: needs at least one section" });
    token = reviewer;
    expect(await actions.archiveScorecardAction({ scorecardId: named })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    token = admin;
    for (const id of [named, first, second]) await actions.archiveScorecardAction({ scorecardId: id });
  });
});
