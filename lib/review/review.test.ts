import { describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { countMatching } from "../call-records/query/count";
import { listCallRecords } from "../call-records/query/data";
import { exportCallRecordsCsv } from "../call-records/export/export";
import { facetCounts } from "../call-records/query/facets";
import { parseCallFilters } from "../call-records/query/filters";
import { sessionFor } from "../auth/test-session";
import type { SessionUser } from "../auth/sessions";
import { Prisma, prisma } from "../db/client";
import { preSubmitCheck } from "../submissions/data";
import { CORRECTION_JOIN, RECORD_AS_SENT, toIvrCallRecordDto, type RecordForSubmission } from "../submissions/dto";
import { getReviewItem, listReasons } from "./data";
import { addComment, claimNext, releaseClaim, renewClaim, submitVerdict } from "./mutations";
import { defaultQueueParams, queueParams } from "./queue";
import { verdictSchema } from "./schema";

const TZ = "Asia/Shanghai";
let nextJob = 8_800_000_000_000_000n;
let nextRecord = 8_000_000_000_000_000_000n;

async function seedJob(n: number, extra: Record<string, unknown> = {}): Promise<{ jobId: bigint; ids: bigint[] }> {
  const jobId = nextJob++;
  const ids = Array.from({ length: n }, () => nextRecord++);
  const r = await ingestCallRecords(
    ids.map((id, i) => ({
      call_record_id: id.toString(),
      robot_call_job_id: jobId.toString(),
      result_status: "ANSWERED",
      start_time: `2026-11-2${i % 5} 09:00:00`,
      end_time: `2026-11-2${i % 5} 09:01:00`,
      chat_duration: 40,
      name: "张三",
      called_phone_number: "13800001234",
      intent_level_tag_id: 11,
      intent_level_code: 2,
      intent_level_detail_name: "有还款意愿",
      ...extra,
    })),
    { source: "seed" },
  );
  expect(r.summary.rejected).toBe(0);
  return { jobId, ids };
}

async function reviewer(role: "reviewer" | "supervisor" = "reviewer"): Promise<SessionUser> {
  const s = await sessionFor(role);
  const u = await prisma.user.findUniqueOrThrow({ where: { id: s.userId } });
  return { id: u.id, email: u.email, name: u.name, role } as SessionUser;
}

const queueOf = (jobId: bigint) => parseCallFilters({ job: jobId.toString(), review: "unreviewed" }).filters;
const TTL = 60_000;

describe("review queue claims", () => {
  it("never gives two reviewers the same record at the same time, even when they ask together", async () => {
    const { jobId, ids } = await seedJob(6);
    const people = [await reviewer(), await reviewer(), await reviewer()];
    const ask = (u: SessionUser, exclude: bigint[] = []) =>
      claimNext(u.id, queueOf(jobId), TZ, { exclude, ttlMs: TTL });
    const first = await Promise.all(people.map((u) => ask(u)));
    expect(new Set(first).size).toBe(3);
    for (const id of first) expect(ids).toContain(id);
    // Asking again (a reload) gives each their own record back.
    expect(await Promise.all(people.map((u) => ask(u)))).toEqual(first);
    // Moving on gives the next free record, never someone else's, and gives back the one held.
    const next = await ask(people[0]!, [first[0]!]);
    expect(first).not.toContain(next);
    expect(await prisma.reviewClaim.count({ where: { userId: people[0]!.id } })).toBe(1);
    expect(await ask(people[1]!, [first[1]!])).not.toBe(next);
  });

  it("lets another reviewer take a record whose claim expired, and refuses to renew someone else's live claim", async () => {
    const { jobId, ids } = await seedJob(1);
    const [a, b] = [await reviewer(), await reviewer()];
    expect(await claimNext(a.id, queueOf(jobId), TZ, { exclude: [], ttlMs: TTL })).toBe(ids[0]);
    expect(await claimNext(b.id, queueOf(jobId), TZ, { exclude: [], ttlMs: TTL })).toBeNull();
    expect(await renewClaim(b.id, ids[0]!, TTL)).toBe(false);
    await prisma.reviewClaim.updateMany({ where: { userId: a.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await claimNext(b.id, queueOf(jobId), TZ, { exclude: [], ttlMs: TTL })).toBe(ids[0]);
    expect(await renewClaim(a.id, ids[0]!, TTL)).toBe(false);
    await releaseClaim(b.id, ids[0]!);
    expect(await claimNext(a.id, queueOf(jobId), TZ, { exclude: [], ttlMs: TTL })).toBe(ids[0]);
  });

  it("defaults to unreviewed calls with a recording from the last 7 days", () => {
    const now = new Date("2026-11-25T02:00:00Z");
    expect(defaultQueueParams(TZ, now).toString()).toBe("review=unreviewed&audio=true&from=2026-11-19");
    expect(queueParams(new URLSearchParams("t=42"), TZ, now).toString()).toBe(
      "review=unreviewed&audio=true&from=2026-11-19",
    );
    expect(queueParams(new URLSearchParams("review=flagged&job=1"), TZ, now).toString()).toBe("review=flagged&job=1");
  });
});

describe("verdicts", () => {
  it("requires a reason to flag, and known reasons only", async () => {
    expect(verdictSchema.safeParse({ callRecordId: "1", verdict: "flagged" }).success).toBe(false);
    expect(verdictSchema.safeParse({ callRecordId: "1", verdict: "passed", reasons: ["compliance"] }).success).toBe(
      false,
    );
    expect((await listReasons()).map((r) => r.code)).toEqual([
      "wrong_intent",
      "compliance",
      "abusive_language",
      "audio_problem",
      "robot_error",
    ]);
    const { ids } = await seedJob(1);
    await expect(
      submitVerdict(await reviewer(), { callRecordId: ids[0]!, verdict: "flagged", reasons: ["made_up"] }),
    ).rejects.toThrow(/Unknown reason: made_up/);
  });

  it("flags with reasons, notes and a comment at a position; the record shows state, reviewer and history; the trail has it", async () => {
    const { jobId, ids } = await seedJob(2);
    const u = await reviewer();
    expect(await claimNext(u.id, queueOf(jobId), TZ, { exclude: [], ttlMs: TTL })).toBe(ids[1]);
    await addComment(u, { callRecordId: ids[1]!, positionMs: 4_200, body: "debtor says wrong person" });
    await submitVerdict(u, {
      callRecordId: ids[1]!,
      verdict: "flagged",
      reasons: ["compliance", "robot_error"],
      notes: "robot kept talking",
    });
    const item = await getReviewItem(ids[1]!);
    expect(item).toMatchObject({
      reviewState: "flagged",
      reviewedBy: u.name,
      reasons: ["compliance", "robot_error"],
      notes: "robot kept talking",
      comments: [{ positionMs: 4_200, body: "debtor says wrong person" }],
      name: "张*",
      calledPhoneNumber: "138****1234",
    });
    // Reviewed: out of the unreviewed queue, in the reviewer filter; the claim is gone.
    expect(await prisma.reviewClaim.count({ where: { record: { callRecordId: ids[1]! } } })).toBe(0);
    const mine = parseCallFilters({ job: jobId.toString(), reviewer: u.id.toString() }).filters;
    expect(await claimNext(u.id, mine, TZ, { exclude: [], ttlMs: TTL })).toBe(ids[1]);
    expect(await countMatching(mine, TZ)).toEqual({ value: 1, exact: true });
    expect((await facetCounts(mine, TZ)).review).toEqual([{ value: "flagged", count: 1 }]);
    // The list and the export name the reviewer and the reasons.
    const list = await listCallRecords(parseCallFilters({ job: jobId.toString(), review: "flagged" }).filters, TZ);
    expect(list.rows.map((r) => [r.call_record_id, r.reviewed_by])).toEqual([[ids[1], u.name]]);
    let csv = "";
    for await (const chunk of exportCallRecordsCsv(mine, TZ, { masked: true })) csv += chunk;
    const [header, row] = csv.trim().split("\r\n");
    const cell = (name: string) => row!.split(",")[header!.replace("\uFEFF", "").split(",").indexOf(name)];
    expect([cell("review_state"), cell("reviewed_by"), cell("review_reasons")]).toEqual([
      "flagged",
      u.email,
      "compliance;robot_error",
    ]);
    const audit = await prisma.auditEvent.findMany({ where: { actorId: u.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["review.comment", "review.flag"]);
    expect(audit[1]).toMatchObject({
      target: `call:${ids[1]}`,
      details: { previous: "unreviewed", reasons: ["compliance", "robot_error"], notes: true },
    });
  });

  it("keeps the received intent beside a corrected one, and submissions send the corrected value", async () => {
    const { ids } = await seedJob(2);
    await seedJob(1, { intent_level_tag_id: 11, intent_level_code: 5, intent_level_detail_name: "拒绝还款" });
    const u = await reviewer();
    await submitVerdict(u, {
      callRecordId: ids[0]!,
      verdict: "flagged",
      reasons: ["wrong_intent"],
      correctedIntent: { tagId: "11", code: 5 },
    });
    const item = await getReviewItem(ids[0]!);
    expect(item?.intent).toEqual({ tagId: "11", code: 2, name: "有还款意愿" });
    expect(item?.correctedIntent).toEqual({ tagId: "11", code: 5, name: "拒绝还款" });
    expect(
      await prisma.auditEvent.findFirst({ where: { actorId: u.id, action: "review.correct_intent" } }),
    ).toMatchObject({ details: { corrected: { tagId: "11", code: 5 } } });
    // A later verdict without a correction keeps it; null removes it.
    await submitVerdict(u, { callRecordId: ids[0]!, verdict: "passed", reasons: [] });
    expect((await getReviewItem(ids[0]!))?.correctedIntent).toMatchObject({ code: 5 });

    const rows = await prisma.$queryRaw<RecordForSubmission[]>(Prisma.sql`
      SELECT ${RECORD_AS_SENT} FROM call_records r ${CORRECTION_JOIN} WHERE r.call_record_id IN (${Prisma.join(ids)})`);
    const sent = new Map(rows.map((r) => [r.call_record_id, toIvrCallRecordDto(r)]));
    expect(sent.get(ids[0]!)).toMatchObject({
      intent_level_tag_id: 11n,
      intent_level_code: 5,
      intent_level_detail_name: "拒绝还款",
    });
    expect(sent.get(ids[1]!)).toMatchObject({
      intent_level_tag_id: 11n,
      intent_level_code: 2,
      intent_level_detail_name: "有还款意愿",
    });
    // The pre-submit dialog says so.
    const check = await preSubmitCheck(
      { type: "ids", ids: ids.map(String) },
      { resendAccepted: false, maxQps: 20, timeZone: TZ },
    );
    expect(check).toMatchObject({ sendable: 2, correctedIntent: 1 });
  });
});
