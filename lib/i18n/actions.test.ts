import { beforeEach, describe, expect, it, vi } from "vitest";

const set = vi.fn();
vi.mock("next/headers", () => ({ cookies: async () => ({ set, get: () => undefined }) }));

const { setLocaleAction } = await import("./actions");

const form = (locale: string) => {
  const f = new FormData();
  f.set("locale", locale);
  return f;
};

describe("setLocaleAction", () => {
  beforeEach(() => set.mockReset());

  it("remembers zh or en in the LVR_LOCALE cookie for a year", async () => {
    await setLocaleAction(form("en"));
    expect(set).toHaveBeenCalledWith(
      "LVR_LOCALE",
      "en",
      expect.objectContaining({ httpOnly: true, sameSite: "lax", path: "/", maxAge: 31_536_000 }),
    );
    await setLocaleAction(form("zh"));
    expect(set).toHaveBeenLastCalledWith("LVR_LOCALE", "zh", expect.anything());
  });

  it("refuses anything else", async () => {
    for (const value of ["fr", "EN", "zh-CN", "", "en; Path=/x"]) await setLocaleAction(form(value));
    await setLocaleAction(new FormData());
    expect(set).not.toHaveBeenCalled();
  });
});
