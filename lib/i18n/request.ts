import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./config";
import { loadMessages } from "./messages";
import { displayTimeZone } from "../env/i18n";

/**
 * next-intl's request configuration (wired in next.config.js). The language
 * comes from the LVR_LOCALE cookie, never from the URL; times are shown in
 * DISPLAY_TIME_ZONE whatever the language.
 */
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: displayTimeZone(),
  };
});
