import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { batchPage } from "./data";
import { createBatch } from "./mutations";

// A job of this file's own, with no records: its batches finish at once.
const jobId = (7_900_000_000_000n + BigInt(randomInt(0, 1_000_000))).toString();

describe("batches page by id, newest first", () => {
  it("walks every batch once, in order, however the pages fall", async () => {
    const mine: bigint[] = [];
    for (let i = 0; i < 5; i++) {
      const { batchId } = await createBatch({
        selection: { type: "job", jobId },
        kind: "submit",
        createdBy: "t",
        timeZone: "UTC",
      });
      mine.push(batchId);
    }
    const seen: bigint[] = [];
    let before: bigint | undefined = mine[4]! + 1n;
    for (let pages = 0; before !== undefined && before > mine[0]!; pages++) {
      const page = await batchPage(before, 2);
      expect(page.batches.length).toBeLessThanOrEqual(2);
      seen.push(...page.batches.map((b) => b.id));
      before = page.older === null ? undefined : BigInt(page.older);
      expect(pages).toBeLessThan(1_000);
    }
    // Strictly descending, no batch twice; other files' batches may sit between this file's.
    expect(seen).toEqual([...seen].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => mine.includes(id))).toEqual([...mine].reverse());
  });

  it("says there is no older page on the last one", async () => {
    const first = await batchPage(1n, 50);
    expect(first).toEqual({ batches: [], older: null });
  });
});
