import { getLocale, getTimeZone } from "next-intl/server";
import { LOCALE_TAG } from "@/lib/i18n/config";
import { formatterFor, type Formatter } from "./format";

/** `useFormat()` for async server components (pages, route-level metadata). */
export async function getFormat(): Promise<Formatter> {
  return formatterFor(LOCALE_TAG[await getLocale()], await getTimeZone());
}
