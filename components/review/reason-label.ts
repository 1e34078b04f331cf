import { useTranslations } from "next-intl";

/**
 * A flag reason's label in the user's language: the translation for the
 * known codes, else the label stored with the reason (an admin's new one),
 * else the code itself (a retired reason without a row).
 */
export function useReasonLabel(stored: Record<string, string> = {}): (code: string) => string {
  const t = useTranslations("review");
  return (code) => {
    const key = `reason.${code}` as Parameters<typeof t.has>[0];
    return t.has(key) ? t(key as "reason.compliance") : (stored[code] ?? code);
  };
}
