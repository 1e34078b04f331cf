import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rollupDrift } from "../../dev/testing/rollup-drift";
import { disconnectPrisma, prisma } from "../db/client";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { setLegalHold } from "../legal-holds/mutations";
import { retentionPreview } from "./data";
import { numberPlaceholder, REMOVED_TEXT } from "./placeholder";
import type { RetentionPolicy } from "./policy";
import { startRun, workRun, type RunDeps } from "./run";

afterAll(() => disconnectPrisma());

// This file's ids: call records 76001000000001…, job 76001000000000. Everything
// it ages lies in 2001, long before any other test's rows: the runs here
// (cutoffs in 2001) touch nothing of the files running beside it.
const JOB = 76001000000000n;
const id = (n: number) => 76001000000000n + BigInt(n);
const NOW = new Date("2001-06-01T00:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const POLICY: RetentionPolicy = { recordings: 30, personal_data: 30, attempt_params: 60, audit: 90 };
const SALT = "test-salt-0123456789abcdef";
const ACTOR = { id: 1n, email: "retention-test@example.com" };

// Old enough for every class; the 4th is held, the 5th and 6th have unfinished submissions, the 7th is recent.
const OLD = [1, 2, 3];
const HELD_ID = 4;
const RETRYING = 5;
const IN_FLIGHT = 6;
const RECENT = 7;
const ALL = [...OLD, HELD_ID, RETRYING, IN_FLIGHT, RECENT];

const snapshot = (ids: number[]) =>
  prisma.callRecord.findMany({ where: { callRecordId: { in: ids.map(id) } }, orderBy: { callRecordId: "asc" } });

async function fixture(archiveDir: string) {
  await ingestCallRecords(
    ALL.map((n) => ({
      call_record_id: id(n).toString(),
      robot_call_job_id: JOB.toString(),
      result_status: "ANSWERED",
      chat_duration: 30,
      start_time: "2001-01-05 10:00:00",
      // Records 1 and 2 called the same number: their placeholders must match.
      called_phone_number: n === 2 ? "13800000001" : `1380000000${n}`,
      phone_number: "02112345678",
      name: `张${n}`,
      properties: JSON.stringify({ debtor: `张${n}`, amount: 100 }),
      full_audio_url: `https://example.com/${n}.mp3`,
      intent_level_tag_id: 3,
      intent_level_code: 1,
    })),
    { source: "api" },
  );
  const records = await snapshot(ALL);
  const rid = (n: number) => records.find((r) => r.callRecordId === id(n))!.id;
  for (const n of ALL)
    await prisma.callRecord.update({ where: { id: rid(n) }, data: { receivedAt: daysAgo(n === RECENT ? 5 : 100) } });
  await prisma.callRecord.update({ where: { id: rid(RETRYING) }, data: { submissionState: "retrying" } });
  await setLegalHold({ callRecordId: id(HELD_ID).toString(), reason: "dispute 2001-17" }, ACTOR);

  // Cancelled and already materialized: the test files share one database, and the workers other
  // tests run must neither claim these jobs nor materialize this batch (nor be held by a paused one).
  const batch = await prisma.submissionBatch.create({
    data: {
      kind: "submit",
      createdBy: ACTOR.email,
      selection: { type: "ids", ids: ALL.map((n) => rid(n).toString()) },
      timeZone: "Asia/Shanghai",
      maxRecordId: 0n,
      status: "cancelled",
      materialized: true,
    },
  });
  for (const n of ALL) {
    const job = await prisma.submissionJob.create({
      data: {
        batchId: batch.id,
        recordId: rid(n),
        state: n === IN_FLIGHT ? "in_flight" : n === RETRYING ? "retrying" : "accepted",
        previousState: "not_submitted",
      },
    });
    await prisma.submissionAttempt.create({
      data: {
        jobId: job.id,
        batchId: batch.id,
        recordId: rid(n),
        attempt: 1,
        sentAt: daysAgo(n === RECENT ? 5 : 100),
        answeredAt: daysAgo(n === RECENT ? 5 : 100),
        latencyMs: 12,
        outcome: "accepted",
        rawAnswer: `{"called":"1380000000${n}"}`,
        params: { called_phone_number: `1380000000${n}` },
      },
    });
  }
  // Recordings: 1 and the held 4 share one file (content-addressed), 2 has its own, 7 is recent.
  const files: Record<number, string> = { 1: "a".repeat(64), 2: "b".repeat(64), 4: "a".repeat(64), 7: "c".repeat(64) };
  for (const [n, sha] of Object.entries(files)) {
    await writeFile(path.join(archiveDir, `${sha}.mp3`), "mp3");
    // The ingest queued every recording; these are archived.
    await prisma.audioArchive.update({
      where: { recordId: rid(Number(n)) },
      data: {
        state: "archived",
        fileName: `${sha}.mp3`,
        sha256: sha,
        sizeBytes: 3n,
        archivedAt: daysAgo(Number(n) === RECENT ? 5 : 100),
      },
    });
  }
  // Corrections of record 1 and of the held record lay their own number and name over the received ones.
  for (const n of [1, HELD_ID])
    await prisma.callRecordCorrection.create({
      data: {
        recordId: rid(n),
        fields: ["called_phone_number", "name"],
        calledPhoneNumber: "13911112222",
        name: "李四",
        reason: "wrong number pushed",
        correctedBy: ACTOR.email,
      },
    });
  // The trail: one old entry about record 1, one about the held record, one recent.
  await prisma.auditEvent.createMany({
    data: [
      { at: daysAgo(200), action: "pii.reveal", target: `call:${id(1)}`, details: { reason: "old" } },
      { at: daysAgo(200), action: "pii.reveal", target: `call:${id(HELD_ID)}`, details: { reason: "held" } },
      { at: daysAgo(10), action: "pii.reveal", target: `call:${id(2)}`, details: { reason: "recent" } },
    ],
  });
  return rid;
}

describe("retention run", () => {
  it("removes exactly what is due, leaves held records and unfinished submissions whole, keeps the counts, and a second run removes nothing", async () => {
    const archiveDir = await mkdtemp(path.join(os.tmpdir(), "lvr-retention-"));
    const rid = await fixture(archiveDir);
    const untouched = await snapshot([HELD_ID, RETRYING, IN_FLIGHT, RECENT]);

    const preview = await retentionPreview(POLICY, NOW);
    expect(preview.personal_data).toMatchObject({ due: 3, held: 1, unfinished: 2 });
    expect(preview.attempt_params).toMatchObject({ due: 3, held: 1, unfinished: 2 });
    expect(preview.recordings).toMatchObject({ due: 2, held: 1, unfinished: 0 });
    expect(preview.audit).toMatchObject({ due: 1, held: 1 });

    // Chunks of 2 rows, interrupted after the first chunk and resumed by another process.
    const deps: RunDeps = { salt: SALT, archiveDir, owner: "test-a", limit: 2, now: () => NOW };
    const runId = (await startRun({ day: "2001-06-01", kind: "manual", policy: POLICY, now: NOW }))!;
    let chunks = 0;
    expect(await workRun(runId, { ...deps, stopping: () => chunks++ > 0 })).toBeNull();
    const counts = (await workRun(runId, { ...deps, owner: "test-b" }))!;
    expect(counts.personal_data).toEqual({
      removed: 3,
      skipped_held: 1,
      skipped_unfinished: 2,
      first_id: id(1).toString(),
      last_id: id(3).toString(),
    });
    expect(counts.attempt_params).toMatchObject({ removed: 3, skipped_held: 1, skipped_unfinished: 2 });
    expect(counts.recordings).toMatchObject({ removed: 2, skipped_held: 1, files_deleted: 1 });
    expect(counts.audit).toMatchObject({ removed: 1 });

    // Personal data: placeholders in place; one number gives one placeholder.
    const after = await snapshot(OLD);
    for (const r of after) {
      expect(r.name).toBe(REMOVED_TEXT);
      expect(r.properties).toBe(REMOVED_TEXT);
      expect(r.propertiesJson).toBeNull();
      expect(r.phoneNumber).toBe(numberPlaceholder(SALT, "02112345678"));
      expect(r.personalDataRemovedAt).toEqual(NOW);
    }
    expect(after[0]!.calledPhoneNumber).toBe(numberPlaceholder(SALT, "13800000001"));
    expect(after[1]!.calledPhoneNumber).toBe(after[0]!.calledPhoneNumber);
    expect(after[2]!.calledPhoneNumber).toMatch(/^removed:[0-9a-f]{24}$/);
    expect(after[2]!.calledPhoneNumber).not.toBe(after[0]!.calledPhoneNumber);
    expect(await snapshot([HELD_ID, RETRYING, IN_FLIGHT, RECENT])).toEqual(untouched);
    const corrections = await prisma.callRecordCorrection.findMany({
      where: { recordId: { in: [rid(1), rid(HELD_ID)] } },
      orderBy: { recordId: "asc" },
    });
    expect(corrections.map((k) => [k.calledPhoneNumber, k.name])).toEqual([
      [numberPlaceholder(SALT, "13911112222"), REMOVED_TEXT],
      ["13911112222", "李四"],
    ]);

    // Attempts: placeholders for the old, eligible ones only.
    const attempts = await prisma.submissionAttempt.findMany({
      where: { recordId: { in: ALL.map(rid) } },
      select: { recordId: true, params: true, rawAnswer: true },
    });
    for (const a of attempts) {
      const n = ALL.find((m) => rid(m) === a.recordId)!;
      if (OLD.includes(n)) expect(a).toMatchObject({ params: { removed: true }, rawAnswer: REMOVED_TEXT });
      else expect(a.params).toEqual({ called_phone_number: `1380000000${n}` });
    }

    // Recordings: 2's file is gone; 1's row is marked but the file stays for the held 4; 7 is recent.
    expect((await readdir(archiveDir)).sort()).toEqual([`${"a".repeat(64)}.mp3`, `${"c".repeat(64)}.mp3`]);
    const archives = await prisma.audioArchive.findMany({
      where: { recordId: { in: [1, 2, 4, 7].map(rid) } },
      orderBy: { recordId: "asc" },
    });
    expect(archives.map((a) => [a.fileName !== null, a.removedAt !== null, a.sha256 !== null])).toEqual([
      [false, true, true],
      [false, true, true],
      [true, false, true],
      [true, false, true],
    ]);

    // The trail: the old entry about 1 is gone, the held record's stays; the run says what it did, never a value.
    const trail = await prisma.auditEvent.findMany({ where: { target: { in: ALL.map((n) => `call:${id(n)}`) } } });
    expect(trail.map((e) => (e.details as { reason?: string }).reason).sort()).toEqual(
      ["dispute 2001-17", "held", "recent"].sort(),
    );
    const runEvent = await prisma.auditEvent.findFirstOrThrow({ where: { target: `retention_run:${runId}` } });
    expect(runEvent.action).toBe("retention.run");
    expect(JSON.stringify(runEvent.details)).not.toMatch(/1380000000|02112345678|张/);

    // Every count still equals a fresh count: placeholders change no rollup dimension.
    expect(await rollupDrift()).toEqual({ daily: [], total: [] });

    // A second run: nothing more to remove, nothing changed.
    const before = await snapshot(ALL);
    const again = await startRun({ day: "2001-06-01", kind: "manual", policy: POLICY, now: NOW });
    const second = (await workRun(again!, deps))!;
    for (const cls of ["personal_data", "attempt_params", "recordings", "audit"] as const)
      expect(second[cls]?.removed, cls).toBe(0);
    expect(await snapshot(ALL)).toEqual(before);
    expect((await retentionPreview(POLICY, NOW)).personal_data).toMatchObject({ due: 0, held: 1, unfinished: 2 });
  });

  it("drops the compliance rechecks queued with a called number before the personal-data cutoff", async () => {
    const queued = (number: string, createdAt: Date) =>
      prisma.complianceFollowup.create({
        data: { calledPhoneNumber: number, startTime: createdAt, afterId: id(99), createdAt },
      });
    const stale = await queued("13800076001", daysAgo(100));
    const fresh = await queued("13800076002", daysAgo(5));
    const archiveDir = await mkdtemp(path.join(os.tmpdir(), "lvr-retention-"));
    const runId = (await startRun({ day: "2001-06-01", kind: "manual", policy: POLICY, now: NOW }))!;
    await workRun(runId, { salt: SALT, archiveDir, owner: "test-c", now: () => NOW });
    const left = await prisma.complianceFollowup.findMany({ where: { id: { in: [stale.id, fresh.id] } } });
    expect(left.map((f) => f.calledPhoneNumber)).toEqual(["13800076002"]);
    await prisma.complianceFollowup.delete({ where: { id: fresh.id } });
  });

  it("refuses edits and deletes of the trail outside a retention run", async () => {
    const e = await prisma.auditEvent.create({ data: { at: daysAgo(400), action: "test.entry" } });
    await expect(prisma.auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.update({ where: { id: e.id }, data: { action: "x" } })).rejects.toThrow(
      /append-only/,
    );
    // Even with the switch on, only entries older than the run's cutoff may go.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('lvr.audit_retention', 'on', true), set_config('lvr.audit_before', ${daysAgo(500).toISOString()}, true)`;
        await tx.auditEvent.delete({ where: { id: e.id } });
      }),
    ).rejects.toThrow(/append-only/);
  });
});
