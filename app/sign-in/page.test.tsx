import { describe, expect, it, vi } from "vitest";

// Signed in: the page sends the visitor on at once, to `next` if it is a path on the console.
vi.mock("@/lib/auth/current", () => ({
  currentUser: async () => ({ id: 1n, email: "op@test.local", role: "operator" }),
}));

const { default: SignInPage } = await import("./page");

/** The Location the page redirects to (Next's redirect() throws a digest `NEXT_REDIRECT;<type>;<url>;<status>;`). */
async function location(next: string | string[] | undefined): Promise<string> {
  try {
    await SignInPage({ searchParams: Promise.resolve(next === undefined ? {} : { next }) });
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    const [kind, , url] = digest.split(";");
    if (kind === "NEXT_REDIRECT" && url !== undefined) return url;
    throw e;
  }
  throw new Error("no redirect");
}

describe("GET /sign-in?next=… when signed in", () => {
  it("goes to a local path", async () => {
    expect(await location("/calls?status=BUSY")).toBe("/calls?status=BUSY");
  });

  // The query values as the page receives them (decoded once from ?next=/%5Cexample.org and so on).
  it.each([
    "/\\example.org",
    "/\\\\example.org",
    "/\t/example.org",
    "//example.org",
    "/.//example.org",
    "https://example.org",
  ])("does not leave the console for %j", async (next) => {
    const url = await location(next);
    expect(new URL(url, "https://console.test").origin).toBe("https://console.test");
    expect(url).toBe("/");
  });
});
