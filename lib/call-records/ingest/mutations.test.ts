import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, Prisma, prisma } from "../../db/client";
import { parseJsonExact } from "../json-bigint";
import { ingestCallRecords, MAX_RECORDS_PER_BATCH } from "./mutations";

// Tests share one database: every record gets a random id (56 bits, so above 2^53 half the time).
const newId = () => BigInt(`0x${randomBytes(7).toString("hex")}`) + 1n;

afterAll(() => disconnectPrisma());

function wire(id: bigint, extra: Record<string, unknown> = {}) {
  return {
    call_record_id: id.toString(),
    robot_call_job_id: 4242,
    called_phone_number: "13800138000",
    result_status: "ANSWERED",
    chat_duration: 37,
    start_time: "2026-03-01 08:00:00",
    end_time: "2026-03-01 08:00:37",
    properties: '{"caseId":"C-1"}',
    rpc_context: {},
    ...extra,
  };
}

async function row(id: bigint) {
  return prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: id } });
}

describe("ingestCallRecords", () => {
  it("creates, then reports a re-push of the same content as unchanged without touching the row", async () => {
    const id = newId();
    const first = await ingestCallRecords([wire(id)], { source: "api" });
    expect(first).toEqual({
      results: [{ index: 0, call_record_id: id.toString(), outcome: "created", errors: [] }],
      summary: { received: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 },
    });
    const before = await row(id);
    expect(before).toMatchObject({
      robotCallJobId: 4242n,
      source: "api",
      startTime: new Date("2026-03-01T00:00:00Z"),
      chatDuration: 37,
    });
    expect(before.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // the same content in other accepted forms: ISO date, numeric id, rpc_context as a string
    const again = await ingestCallRecords(
      [wire(id, { start_time: "2026-03-01T00:00:00Z", robot_call_job_id: "4242", rpc_context: "{}" })],
      { source: "import" },
    );
    expect(again.results[0]?.outcome).toBe("unchanged");
    expect(await row(id)).toEqual(before);
  });

  it("updates changed content but never the submission or review state, nor received_at", async () => {
    const id = newId();
    await ingestCallRecords([wire(id)], { source: "api" });
    await prisma.callRecord.update({
      where: { callRecordId: id },
      data: {
        submissionState: "accepted",
        submissionAttempts: 2,
        lastResultCode: "0",
        lastResultMessage: "ok",
        lastSubmittedAt: new Date(),
        reviewState: "flagged",
        reviewedAt: new Date(),
      },
    });
    const before = await row(id);
    await new Promise((r) => setTimeout(r, 5));

    const result = await ingestCallRecords([wire(id, { result_status: "NO_ANSWER", chat_duration: 0 })], {
      source: "import",
    });
    expect(result.results[0]).toMatchObject({ outcome: "updated" });
    const after = await row(id);
    expect(after).toMatchObject({ resultStatus: "NO_ANSWER", chatDuration: 0, source: "import" });
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    for (const key of [
      "id",
      "receivedAt",
      "submissionState",
      "submissionAttempts",
      "lastSubmittedAt",
      "lastResultCode",
      "lastResultMessage",
      "reviewState",
      "reviewedAt",
    ] as const) {
      expect(after[key], key).toEqual(before[key]);
    }
  });

  it("rejects bad records with their field errors and stores the others, in input order", async () => {
    const [a, b, c] = [newId(), newId(), newId()];
    const result = await ingestCallRecords(
      [wire(a), wire(b, { start_time: "2026-03-01T08:00:00", chat_duration: -5 }), "not an object", wire(c)],
      { source: "api" },
    );
    expect(result.results).toEqual([
      { index: 0, call_record_id: a.toString(), outcome: "created", errors: [] },
      {
        index: 1,
        call_record_id: b.toString(),
        outcome: "rejected",
        errors: [
          { field: "chat_duration", message: "out of range (0 to 2147483647 of seconds)" },
          { field: "start_time", message: expect.stringContaining("without an offset is ambiguous") },
        ],
      },
      {
        index: 2,
        call_record_id: null,
        outcome: "rejected",
        errors: [{ field: "$", message: "the record must be a JSON object, not a string" }],
      },
      { index: 3, call_record_id: c.toString(), outcome: "created", errors: [] },
    ]);
    expect(result.summary).toEqual({ received: 4, created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(await prisma.callRecord.count({ where: { callRecordId: { in: [a, b, c] } } })).toBe(2);
  });

  it("lets the last of two entries with the same id win, and reports them in order: created, then updated", async () => {
    const id = newId();
    const result = await ingestCallRecords([wire(id, { name: "first" }), wire(id, { name: "second" })], {
      source: "api",
    });
    expect(result.results.map((r) => r.outcome)).toEqual(["created", "updated"]);
    expect(result.summary).toMatchObject({ received: 2, created: 1, updated: 1 });
    expect((await row(id)).name).toBe("second");
  });

  it("round-trips int64 ids above 2^53 exactly, from JSON numbers", async () => {
    const ids = ["9007199254740993", "9223372036854775807"];
    await prisma.callRecord.deleteMany({ where: { callRecordId: { in: ids.map(BigInt) } } });
    const items = parseJsonExact(
      `[{"call_record_id":9007199254740993,"robot_call_job_id":9223372036854775806,"tenant_phone_number_id":9007199254740995,"intent_level_tag_id":18014398509481985},
        {"call_record_id":9223372036854775807,"robot_call_job_id":1}]`,
    ) as unknown[];
    const result = await ingestCallRecords(items, { source: "api" });
    expect(result.results.map((r) => [r.call_record_id, r.outcome])).toEqual([
      ["9007199254740993", "created"],
      ["9223372036854775807", "created"],
    ]);
    expect(await row(9007199254740993n)).toMatchObject({
      robotCallJobId: 9223372036854775806n,
      tenantPhoneNumberId: 9007199254740995n,
      intentLevelTagId: 18014398509481985n,
    });
    const text = await prisma.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT call_record_id::text AS id FROM call_records WHERE call_record_id IN (9007199254740993, 9223372036854775807) ORDER BY 1`,
    );
    expect(text.map((r) => r.id)).toEqual(ids);
  });

  it("stores properties verbatim and, when it is JSON, parsed (big numbers exact in jsonb)", async () => {
    const [a, b] = [newId(), newId()];
    const verbatim = '{ "caseId" : "C-9",  "amount": 12345678901234567890, "tags":["x"] }';
    await ingestCallRecords([wire(a, { properties: verbatim }), wire(b, { properties: "plain note" })], {
      source: "api",
    });
    const rows = await prisma.$queryRaw<{ id: string; properties: string; json: string | null }[]>(
      Prisma.sql`SELECT call_record_id::text AS id, properties, properties_json::text AS json FROM call_records WHERE call_record_id IN (${a}, ${b})`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.toString())).toEqual({
      id: a.toString(),
      properties: verbatim,
      json: '{"tags": ["x"], "amount": 12345678901234567890, "caseId": "C-9"}',
    });
    expect(byId.get(b.toString())).toEqual({ id: b.toString(), properties: "plain note", json: null });
  });

  it("writes concurrent overlapping batches without deadlocking", async () => {
    const ids = Array.from({ length: 200 }, () => newId());
    const batches = [ids, [...ids].reverse(), ids.slice(50).concat(ids.slice(0, 50)), [...ids].reverse()];
    const results = await Promise.all(
      batches.map((b, i) =>
        ingestCallRecords(
          b.map((id) => wire(id, { chat_duration: i })),
          { source: "import" },
        ),
      ),
    );
    for (const r of results) expect(r.summary.rejected).toBe(0);
    expect(await prisma.callRecord.count({ where: { callRecordId: { in: ids } } })).toBe(200);
  });

  it("refuses more than one batch per call (callers chunk)", async () => {
    await expect(
      ingestCallRecords(new Array(MAX_RECORDS_PER_BATCH + 1).fill({}), { source: "import" }),
    ).rejects.toThrow(RangeError);
  });

  it("stores a full batch of 1,000 in one go", async () => {
    const ids = Array.from({ length: MAX_RECORDS_PER_BATCH }, () => newId());
    const result = await ingestCallRecords(
      ids.map((id) => wire(id)),
      { source: "import" },
    );
    expect(result.summary).toEqual({ received: 1000, created: 1000, updated: 0, unchanged: 0, rejected: 0 });
  });
});
