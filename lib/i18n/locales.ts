/**
 * The console's languages, without zod: components that also run in the
 * browser (useFormat) import this, so the language list does not pull the
 * schema library into every page. Parsing a language is in config.ts.
 */

/** Chinese is the default; English is the alternative. */
export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";

/** The cookie that remembers the chosen language (no locale in URLs). */
export const LOCALE_COOKIE = "LVR_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** BCP 47 tag for `<html lang>` and for Intl formatting. */
export const LOCALE_TAG: Record<Locale, string> = { zh: "zh-CN", en: "en" };

/** Each language named in itself, for the switch. */
export const LOCALE_NAME: Record<Locale, string> = { zh: "中文", en: "English" };
