import { describe, expect, it } from "vitest";
import { preferredFromAcceptLanguage, resolveLocale } from "./config";

describe("resolveLocale", () => {
  it("takes the cookie when it names a known language", () => {
    expect(resolveLocale("en", "zh-CN,zh;q=0.9")).toBe("en");
    expect(resolveLocale("zh", "en-US,en;q=0.9")).toBe("zh");
  });
  it("ignores an unknown cookie value and falls back to the browser, then Chinese", () => {
    expect(resolveLocale("fr", "en-GB")).toBe("en");
    expect(resolveLocale("<script>", undefined)).toBe("zh");
    expect(resolveLocale(undefined, null)).toBe("zh");
    expect(resolveLocale(undefined, "fr-FR,de;q=0.8")).toBe("zh");
  });
  it("reads Accept-Language by q-value", () => {
    expect(preferredFromAcceptLanguage("fr;q=0.9, en;q=0.5, zh-TW;q=0.8")).toBe("zh");
    expect(preferredFromAcceptLanguage("zh;q=0, en-US")).toBe("en");
    expect(preferredFromAcceptLanguage("*")).toBeUndefined();
  });
});
