import { z } from "zod";

/** The console's languages. Chinese is the default; English is the alternative. */
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";

/** The cookie that remembers the chosen language (no locale in URLs). */
export const LOCALE_COOKIE = "LVR_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export const localeSchema = z.enum(LOCALES);

/** BCP 47 tag for `<html lang>` and for Intl formatting. */
export const LOCALE_TAG: Record<Locale, string> = { zh: "zh-CN", en: "en" };

/** Each language named in itself, for the switch. */
export const LOCALE_NAME: Record<Locale, string> = { zh: "中文", en: "English" };

/**
 * The language of a request: the cookie when it holds a known language,
 * otherwise the first known language the browser asks for
 * (Accept-Language, by q-value), otherwise Chinese.
 */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  const fromCookie = localeSchema.safeParse(cookie);
  if (fromCookie.success) return fromCookie.data;
  return preferredFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

export function preferredFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const match = localeSchema.safeParse(range.language);
    if (match.success) return match.data;
  }
  return undefined;
}
