import { describe, expect, it } from "vitest";
import { safeLocalPath } from "./safe-redirect";

describe("safeLocalPath", () => {
  it("keeps local paths with their query and fragment", () => {
    expect(safeLocalPath("/calls?status=BUSY&size=25")).toBe("/calls?status=BUSY&size=25");
    expect(safeLocalPath("/calls/123#attempts")).toBe("/calls/123#attempts");
    expect(safeLocalPath("/")).toBe("/");
  });

  it.each([
    "/\\example.org",
    "/\\\\example.org",
    "\\\\example.org",
    "//example.org",
    "///example.org",
    "/\t/example.org",
    "/\n/example.org",
    "/\r\n/example.org",
    "/ /example.org",
    "/.//example.org",
    "/./\\example.org",
    "/%2F/example.org/..",
    "https://example.org",
    "javascript:alert(1)",
    "example.org",
    "",
    " /calls",
  ])("sends %j home", (input) => {
    const out = safeLocalPath(input);
    // Whatever comes out, a browser resolving it as a Location stays on the console.
    expect(new URL(out, "https://console.test").origin).toBe("https://console.test");
    if (!["/%2F/example.org/..", "/ /example.org"].includes(input)) expect(out).toBe("/");
  });

  it("keeps an encoded backslash as a path (it is not decoded again)", () => {
    const out = safeLocalPath("/%5C%5Cexample.org");
    expect(new URL(out, "https://console.test").origin).toBe("https://console.test");
  });

  it("refuses what is not a string", () => {
    expect(safeLocalPath(undefined)).toBe("/");
    expect(safeLocalPath(["/calls"])).toBe("/");
  });
});
