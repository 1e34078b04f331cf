import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

export {
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  LOCALE_COOKIE_MAX_AGE,
  LOCALE_NAME,
  LOCALE_TAG,
  LOCALES,
  type Locale,
} from "./locales";

export const localeSchema = z.enum(LOCALES);

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
      return {
        language: tag.trim().toLowerCase().split("-")[0] ?? "",
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const match = localeSchema.safeParse(range.language);
    if (match.success) return match.data;
  }
  return undefined;
}
