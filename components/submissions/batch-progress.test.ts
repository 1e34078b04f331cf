import { describe, expect, it } from "vitest";
import { filterWords } from "./batch-progress";

describe("a filter batch's description", () => {
  it("leaves out how the list was shown (size, cursor, sort) and reads as typed", () => {
    expect(filterWords("job=12&size=25&status=ANSWERED&cursor=abc&sort=duration&q=%E5%BC%A0+%E4%B8%89")).toBe(
      "job=12&status=ANSWERED&q=张 三",
    );
    expect(filterWords("size=100")).toBe("");
  });
});
