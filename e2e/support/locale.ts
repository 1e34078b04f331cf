import type { BrowserContext } from "@playwright/test";

/** The cookie that holds the console's language (lib/i18n/config.ts). */
export const LOCALE_COOKIE = "LVR_LOCALE";

/**
 * Specs that read English text run in English: the sign-ins saved by
 * auth.setup.ts carry this cookie, and the browser asks for en-US as well.
 */
export async function useLanguage(context: BrowserContext, baseURL: string, locale: "zh" | "en"): Promise<void> {
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
}
