import { createFormatter, createTranslator } from "next-intl";
import { DEFAULT_LOCALE } from "../../lib/i18n/config";
import { loadMessages } from "../../lib/i18n/messages";
import { displayTimeZone } from "../../lib/env/i18n";

/**
 * `next-intl/server` for tests that call pages and server code directly
 * (outside a Next request): the default language, the real messages.
 */

const locale = DEFAULT_LOCALE;

export function getRequestConfig<T>(fn: T): T {
  return fn;
}

export async function getLocale() {
  return locale;
}

export async function getTimeZone() {
  return displayTimeZone();
}

export async function getMessages() {
  return loadMessages(locale);
}

export async function getTranslations(namespace?: string) {
  return createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: namespace as never,
    timeZone: displayTimeZone(),
  });
}

export async function getFormatter() {
  return createFormatter({ locale, timeZone: displayTimeZone() });
}
