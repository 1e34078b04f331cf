import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "../db/client";
import { getDashboardSummary } from "./data";

const ID = 6_700_000_000_001n;
// Later than anything another test stores, so it is the latest whatever runs beside it.
const RECEIVED = new Date(Date.UTC(2099, 0, 1, 8, 30));

beforeAll(async () => {
  await prisma.callRecord.create({
    data: {
      callRecordId: ID,
      robotCallJobId: 6_700_000_000_000n,
      resultStatus: "ANSWERED",
      source: "seed",
      contentHash: "0".repeat(64),
      receivedAt: RECEIVED,
    },
  });
});

afterAll(async () => {
  await prisma.callRecord.delete({ where: { callRecordId: ID } });
});

it("reports when the latest record arrived, and counts it", async () => {
  const summary = await getDashboardSummary();
  expect(summary.lastReceivedAt?.toISOString()).toBe(RECEIVED.toISOString());
  expect(summary.records.value).toBeGreaterThanOrEqual(1);
  expect(summary.byResultStatus.find((s) => s.status === "ANSWERED")?.count).toBeGreaterThanOrEqual(1);
});
