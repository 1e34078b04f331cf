import { describe, expect, it } from "vitest";
import { withIsoTimes } from "./iso-times";

describe("withIsoTimes", () => {
  it("turns the named times into ISO strings, keeps null, and leaves every field in its place", () => {
    const at = new Date("2026-12-07T10:00:00.000Z");
    const view = withIsoTimes({ id: 1n, createdAt: at, note: "x", finishedAt: null }, "createdAt", "finishedAt");
    expect(view).toEqual({ id: 1n, createdAt: "2026-12-07T10:00:00.000Z", note: "x", finishedAt: null });
    expect(Object.keys(view)).toEqual(["id", "createdAt", "note", "finishedAt"]);
  });
});
