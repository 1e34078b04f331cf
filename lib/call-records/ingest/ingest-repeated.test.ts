import { describe, expect, it } from "vitest";
import { prisma } from "../../db/client";
import { ingestCallRecords } from "./mutations";

let next = 4_800_000_000_000_000n;
const record = (id: bigint, status: string) => ({
  call_record_id: id.toString(),
  robot_call_job_id: "88",
  result_status: status,
  called_phone_number: "13800008888",
});
const outcomes = (r: Awaited<ReturnType<typeof ingestCallRecords>>) => r.results.map((e) => e.outcome);

describe("the same call_record_id more than once in one batch", () => {
  it("creates a new id once: the second occurrence is updated when it differs, unchanged when identical", async () => {
    const a = next++;
    const b = next++;
    const r = await ingestCallRecords(
      [record(a, "ANSWERED"), record(b, "BUSY"), record(a, "REFUSED"), record(b, "BUSY")],
      { source: "api" },
    );
    expect(outcomes(r)).toEqual(["created", "created", "updated", "unchanged"]);
    expect(r.summary).toEqual({ received: 4, created: 2, updated: 1, unchanged: 1, rejected: 0 });
    // The last occurrence is what is stored.
    expect((await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: a } })).resultStatus).toBe("REFUSED");
  });

  it("reports each occurrence of a stored id against the one before it", async () => {
    const a = next++;
    await ingestCallRecords([record(a, "ANSWERED")], { source: "api" });
    const r = await ingestCallRecords(
      [record(a, "ANSWERED"), record(a, "BUSY"), record(a, "BUSY"), record(a, "ANSWERED")],
      { source: "api" },
    );
    expect(outcomes(r)).toEqual(["unchanged", "updated", "unchanged", "updated"]);
    expect((await prisma.callRecord.findUniqueOrThrow({ where: { callRecordId: a } })).resultStatus).toBe("ANSWERED");
  });

  it("leaves batches without repeats as they were", async () => {
    const a = next++;
    expect(outcomes(await ingestCallRecords([record(a, "ANSWERED")], { source: "api" }))).toEqual(["created"]);
    expect(outcomes(await ingestCallRecords([record(a, "BUSY")], { source: "api" }))).toEqual(["updated"]);
    expect(outcomes(await ingestCallRecords([record(a, "BUSY")], { source: "api" }))).toEqual(["unchanged"]);
  });
});
