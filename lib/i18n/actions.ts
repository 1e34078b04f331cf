"use server";

import { cookies } from "next/headers";
import { getEnv } from "../env";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, localeSchema } from "./config";

/**
 * The language switch's action: remembers the chosen language in a cookie.
 * Anyone may call it (the sign-in page has the switch too); only `zh` and
 * `en` are accepted.
 */
export async function setLocaleAction(form: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(form.get("locale"));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().PUBLIC_URL?.startsWith("https://") ?? false,
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
  });
}
