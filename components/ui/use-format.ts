import { useLocale, useTimeZone } from "next-intl";
import { LOCALE_TAG } from "@/lib/i18n/locales";
import { formatterFor, type Formatter } from "./format";

/** Numbers, times and durations in the active language and the display time zone (client and server components). */
export function useFormat(): Formatter {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "Asia/Shanghai";
  return formatterFor(LOCALE_TAG[locale], timeZone);
}
