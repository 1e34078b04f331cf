import { describe, expect, it } from "vitest";
import { batchNeedsPolling } from "./views";

const counts = { queued: 0, in_flight: 0, retrying: 0, accepted: 10, rejected: 0, failed: 0, cancelled: 0 };

describe("a batch page keeps polling", () => {
  it("while the batch runs", () => {
    expect(batchNeedsPolling({ status: "running", counts })).toBe(true);
  });
  it("after a cancel, until the calls already on the wire have settled", () => {
    expect(batchNeedsPolling({ status: "cancelled", counts: { ...counts, in_flight: 9, cancelled: 4000 } })).toBe(true);
    expect(batchNeedsPolling({ status: "cancelled", counts: { ...counts, cancelled: 4009 } })).toBe(false);
  });
  it("while a paused batch still has jobs waiting, and not once it is done", () => {
    expect(batchNeedsPolling({ status: "paused", counts: { ...counts, queued: 5 } })).toBe(true);
    expect(batchNeedsPolling({ status: "done", counts })).toBe(false);
  });
});
