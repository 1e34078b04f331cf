import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFor } from "../auth/test-session";
import { prisma } from "../db/client";
import { resetEnvCache } from "../env";
import { createBatch } from "../submissions/mutations";
import { SubmissionWorker } from "../submissions/worker";
import { createTopClient } from "../top/client";
import { startTopEmulator } from "../../dev/top-emulator/server";
import {
  archiveFixtureRecording,
  evidenceSettings,
  ingestFixture,
  readZip,
  saveStream,
  writeZip,
} from "../../dev/testing/evidence-fixture";
import { MANIFEST_PATH, type Manifest } from "./manifest";
import { exportJobDayEvidence, exportRecordEvidence } from "./mutations";
import { verifyBundle } from "./verify";

const run = promisify(execFile);

// Two records of one job and day, both sent to TOP through the emulator with a seller session.
const SECRET = "evidence-test-top-secret-7f3a";
const SESSION = "6100e23c7d1f1b9a8evidence-session";
const INGEST_TOKEN = "evidence-test-ingest-token-0123456789";
const JOB = 75_000_000_000_001n;
const A = { id: 75_000_000_000_011n, job: JOB, phone: "13912340011", name: "王小明", startTime: "2026-03-01 09:00:00" };
const B = { id: 75_000_000_000_012n, job: JOB, phone: "13712340012", name: "李四", startTime: "2026-03-01 10:00:00" };
const RECORDING = Buffer.concat([Buffer.from("ID3"), Buffer.alloc(4000, 7), Buffer.from("evidence-recording-end")]);
const REASON = "court request 2026/17";

let dir: string;
let bundle: string;
let actor: { id: bigint; email: string };

beforeAll(async () => {
  const { archiveDir } = await evidenceSettings();
  process.env.INGEST_TOKEN = INGEST_TOKEN;
  resetEnvCache();
  dir = await mkdtemp(path.join(os.tmpdir(), "lvr-evidence-out-"));
  const emulator = await startTopEmulator({ apps: new Map([["evidence-app", SECRET]]) });
  const client = createTopClient({
    gatewayUrl: emulator.gatewayUrl,
    appKey: "evidence-app",
    appSecret: SECRET,
    session: SESSION,
    signMethod: "hmac-sha256",
    format: "json",
    timeoutMs: 5_000,
    connectTimeoutMs: 1_000,
  });
  await ingestFixture([A, B]);
  const { batchId } = await createBatch({
    selection: { type: "job", jobId: JOB.toString() },
    kind: "submit",
    createdBy: "test",
    timeZone: "UTC",
  });
  const worker = new SubmissionWorker(
    client,
    { maxQps: 100, concurrency: 2, maxAttempts: 3, leaseMs: 30_000, backoffBaseMs: 5, backoffMaxMs: 50 },
    { onError: (e) => console.error(e) },
    20,
    100,
  );
  worker.start();
  try {
    for (let i = 0; i < 600; i++) {
      const b = await prisma.submissionBatch.findUniqueOrThrow({ where: { id: batchId } });
      if (b.status === "done") break;
      await new Promise((res) => setTimeout(res, 50));
    }
  } finally {
    await worker.stop();
    client.close();
    await emulator.close();
  }
  await archiveFixtureRecording(A.id, archiveDir, RECORDING);
  const s = await sessionFor("supervisor");
  actor = { id: s.userId, email: s.email };
  const record = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: A.id } });
  await prisma.review.create({
    data: { recordId: record.id, reviewerId: s.userId, verdict: "flagged", reasons: ["other"], notes: "see B" },
  });
  // A reviewer wrote another record's number into a comment: the bundle must not carry it in full.
  await prisma.reviewComment.create({
    data: { recordId: record.id, authorId: s.userId, positionMs: 1200, body: `same debtor as ${B.phone}` },
  });
  await prisma.callRecordCorrection.create({
    data: { recordId: record.id, fields: ["name"], name: "王晓明", reason: "misspelt name", correctedBy: s.email },
  });
  bundle = path.join(dir, "a.zip");
  await saveStream((await exportRecordEvidence(actor, A.id, REASON))!, bundle);
}, 60_000);

afterAll(() => {
  delete process.env.INGEST_TOKEN;
  resetEnvCache();
});

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(dir, `s-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  return (await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout;
}

describe("a record's evidence bundle", () => {
  it("verifies, and holds the record, its attempts, reviews, audit entries, recording and a PDF summary", async () => {
    const result = await verifyBundle(bundle);
    expect(result).toMatchObject({ ok: true });
    const entries = await readZip(bundle);
    const manifest = JSON.parse(entries.get(MANIFEST_PATH)!.toString()) as Manifest;
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [
        "attempts.json",
        "audit.json",
        "corrections.json",
        "record.json",
        "recording.mp3",
        "reviews.json",
        "summary.pdf",
      ].sort(),
    );
    // The record as received, and its correction beside it.
    expect(JSON.parse(entries.get("corrections.json")!.toString())).toEqual([
      expect.objectContaining({ fields: ["name"], name: "王晓明", reason: "misspelt name" }),
    ]);
    expect(manifest).toMatchObject({ reason: REASON, created_by: actor.email, records: 1 });
    const recordingSha = createHash("sha256").update(RECORDING).digest("hex");
    expect(manifest.files.find((f) => f.path === "recording.mp3")?.sha256).toBe(recordingSha);
    expect(entries.get("recording.mp3")!.equals(RECORDING)).toBe(true);
    const record = JSON.parse(entries.get("record.json")!.toString());
    expect(record.call_record).toMatchObject({
      call_record_id: A.id.toString(),
      called_phone_number: A.phone,
      name: A.name,
    });
    expect(record.recording).toMatchObject({ archive_sha256: recordingSha, file: "recording.mp3" });
    const attempts = JSON.parse(entries.get("attempts.json")!.toString());
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ outcome: "accepted" });
    expect(attempts[0].params.ivr_call_record_d_t_o).toContain(A.phone);
    expect(attempts[0].raw_answer).toBeTruthy();
    const reviews = JSON.parse(entries.get("reviews.json")!.toString());
    expect(reviews.verdicts[0]).toMatchObject({ verdict: "flagged", notes: "see B" });
    const audit = JSON.parse(entries.get("audit.json")!.toString());
    expect(audit.at(-1)).toMatchObject({ action: "evidence.export", actor: actor.email, details: { reason: REASON } });

    const text = await pdfText(entries.get("summary.pdf")!);
    expect(text).toContain("Evidence bundle summary");
    expect(text).toContain("证据包摘要");
    expect(text).toContain(A.id.toString());
    expect(text).toContain(recordingSha);
  });

  it("never holds the TOP secret, the session, the ingest token or another record's full number", async () => {
    const entries = await readZip(bundle);
    const texts = [...entries.values()].map((b) => b.toString("utf8"));
    texts.push(await pdfText(entries.get("summary.pdf")!));
    const all = texts.join("\n");
    for (const secret of [SECRET, SESSION, INGEST_TOKEN, B.phone, B.name]) expect(all).not.toContain(secret);
    expect(all).toContain("137****0012");
    const sent = await prisma.submissionAttempt.findFirstOrThrow({
      where: { record: { callRecordId: A.id } },
    });
    expect(all).not.toContain((sent.params as Record<string, string>).sign);
  });

  it("fails naming the file when one byte of any file or of the manifest changes", async () => {
    const entries = await readZip(bundle);
    for (const name of [...entries.keys()].filter((n) => n !== "manifest.sig")) {
      const changed = new Map(entries);
      const bytes = Buffer.from(entries.get(name)!);
      bytes[bytes.length >> 1]! ^= 0x01;
      changed.set(name, bytes);
      const file = path.join(dir, "changed.zip");
      await writeZip(changed, file);
      expect(await verifyBundle(file), name).toMatchObject({ ok: false, file: name });
    }
    // The same, in the ZIP as downloaded: the recording is stored uncompressed.
    const raw = await readFile(bundle);
    const at = raw.indexOf(RECORDING);
    expect(at).toBeGreaterThan(0);
    raw[at + 100]! ^= 0x01;
    const file = path.join(dir, "raw.zip");
    await writeFile(file, raw);
    expect(await verifyBundle(file)).toMatchObject({ ok: false, file: "recording.mp3" });
  });

  it("npm run evidence:verify exits 0 on the bundle and non-zero naming a changed file", async () => {
    const cli = ["--conditions=react-server", "scripts/evidence-verify.ts"];
    const ok = await run("npx", ["tsx", ...cli, bundle]);
    expect(ok.stdout).toContain("verified: 7 files");
    const entries = await readZip(bundle);
    const bytes = Buffer.from(entries.get("attempts.json")!);
    bytes[10]! ^= 0x20;
    entries.set("attempts.json", bytes);
    const file = path.join(dir, "cli.zip");
    await writeZip(entries, file);
    const failed = await run("npx", ["tsx", ...cli, file]).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain("attempts.json");
  }, 60_000);
});

describe("a job's day", () => {
  it("holds every record of the job that started that day, and verifies", async () => {
    const stream = await exportJobDayEvidence(actor, JOB, "2026-03-01", "audit of March 1st");
    const file = path.join(dir, "day.zip");
    await saveStream(stream!, file);
    const result = await verifyBundle(file);
    expect(result).toMatchObject({ ok: true, manifest: { records: 2, scope: { kind: "job_day", day: "2026-03-01" } } });
    const entries = await readZip(file);
    for (const r of [A, B]) expect(entries.has(`records/${r.id}/record.json`)).toBe(true);
    expect(entries.has(`records/${A.id}/recording.mp3`)).toBe(true);
    expect(await exportJobDayEvidence(actor, JOB, "2026-03-02", "audit of March 2nd")).toBeNull();
    const audit = await prisma.auditEvent.findFirst({ where: { action: "evidence.export", target: `job:${JOB}` } });
    expect(audit?.details).toMatchObject({ reason: "audit of March 1st", day: "2026-03-01" });
  });
});
