import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCallRecords } from "../call-records/ingest/mutations";
import { prisma } from "../db/client";
import { startTopEmulator, type TopEmulator } from "../../dev/top-emulator/server";
import { createTopClient, type TopClient } from "../top/client";
import { failureGroups, recordAttempts } from "./data";
import { createBatch } from "./mutations";
import { SubmissionWorker } from "./worker";

// A real submission to the emulator, with a seller session set, then what the console shows of it.
const SECRET = "masked-test-secret";
const SESSION = "6100e23c7d1f1b9a8masked-session";
const PHONE = "13912345678";
const NAME = "王小明";
const JOB = 5_600_000_000_000_001n;
const ID = 4_900_000_000_000_000_001n;
let emulator: TopEmulator;
let client: TopClient;

beforeAll(async () => {
  emulator = await startTopEmulator({ apps: new Map([["masked-app", SECRET]]) });
  client = createTopClient({
    gatewayUrl: emulator.gatewayUrl,
    appKey: "masked-app",
    appSecret: SECRET,
    session: SESSION,
    signMethod: "hmac-sha256",
    format: "json",
    timeoutMs: 5_000,
    connectTimeoutMs: 1_000,
  });
});
afterAll(async () => {
  client.close();
  await emulator.close();
});

describe("a submitted record's attempts", () => {
  it("never show the full number, the name, the session or the signature", async () => {
    const r = await ingestCallRecords(
      [
        {
          call_record_id: ID.toString(),
          robot_call_job_id: JOB.toString(),
          result_status: "ANSWERED",
          start_time: "2026-03-01 09:00:00",
          end_time: "2026-03-01 09:01:00",
          chat_duration: 55,
          name: NAME,
          called_phone_number: PHONE,
          properties: JSON.stringify({ note: `call ${NAME} back on ${PHONE}` }),
        },
      ],
      { source: "api" },
    );
    expect(r.summary.rejected).toBe(0);
    const { batchId } = await createBatch({
      selection: { type: "job", jobId: JOB.toString() },
      kind: "submit",
      createdBy: "test",
      resendAccepted: false,
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
      for (
        let i = 0;
        i < 600 && (await prisma.submissionBatch.findUniqueOrThrow({ where: { id: batchId } })).status !== "done";
        i++
      )
        await new Promise((res) => setTimeout(res, 50));
    } finally {
      await worker.stop();
    }
    const record = await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: ID } });
    // Stored: the number as sent (the record holds it anyway), never the session.
    const stored = await prisma.submissionAttempt.findMany({ where: { recordId: record.id } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored[0]!.params)).toContain(PHONE);
    expect(JSON.stringify(stored[0]!.params)).not.toContain(SESSION);

    const shown = JSON.stringify(await recordAttempts(record), (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(shown).toContain("139****5678");
    for (const secret of [
      PHONE,
      NAME,
      SESSION,
      SECRET,
      stored[0]!.params && (stored[0]!.params as Record<string, string>).sign!,
    ])
      expect(shown).not.toContain(secret);
    expect(JSON.stringify(await failureGroups(batchId))).not.toContain(PHONE);
  }, 60_000);
});
