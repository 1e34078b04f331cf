"use client";

import { useTranslations } from "next-intl";
import { intentText as intentNotation } from "@/lib/call-records/notation";

/** An intent as the reviewer reads it, "none" when it has no value. */
export function useIntentText() {
  const t = useTranslations("review");
  return (i: { tagId: string | null; code: number | null; name: string | null }) =>
    intentNotation(i) ?? t("fields.none");
}
