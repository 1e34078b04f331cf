import { afterAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "../db/client";
import { materializeBatchChunk } from "./mutations";

afterAll(() => disconnectPrisma());

describe("a batch whose stored selection cannot be read", () => {
  it("is paused with the reason instead of stopping the batches behind it", async () => {
    const [bad] = await prisma.$queryRaw<{ id: bigint }[]>`
      INSERT INTO submission_batches (kind, created_by, selection, time_zone, max_record_id, total)
      VALUES ('submit', 'test', '{}'::jsonb, 'UTC', 0, 0) RETURNING id`;
    // The materializer takes running batches in id order (other tests' included); it must get past this one.
    for (let i = 0; i < 1_000 && (await materializeBatchChunk()); i++) {
      const row = await prisma.submissionBatch.findUniqueOrThrow({ where: { id: bad!.id } });
      if (row.status !== "running") break;
    }
    const row = await prisma.submissionBatch.findUniqueOrThrow({ where: { id: bad!.id } });
    expect(row.status).toBe("paused");
    expect(row.pausedReason).toMatch(/selection cannot be read/);
    expect(row.materialized).toBe(false);
    // A paused batch holds every reporting rule (lib/rules): other test files' rules must not wait for this one.
    await prisma.submissionBatch.update({ where: { id: bad!.id }, data: { status: "cancelled" } });
  });
});
