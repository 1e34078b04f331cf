import { useLocale, useTranslations } from "next-intl";
import { LOCALES, LOCALE_NAME, LOCALE_TAG } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/actions";

/**
 * 中文 | English. Each language is a submit button of one form (works without
 * JavaScript); the chosen one is pressed. The cookie it sets is kept for a year.
 */
export function LanguageSwitch() {
  const t = useTranslations("shell.language");
  const current = useLocale();
  return (
    <form action={setLocaleAction}>
      <div
        role="group"
        aria-label={t("label")}
        className="flex overflow-hidden rounded border border-slate-300 text-xs"
      >
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={LOCALE_TAG[locale]}
            aria-pressed={locale === current}
            className={`px-2 py-1 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-700 ${locale === current ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {LOCALE_NAME[locale]}
          </button>
        ))}
      </div>
    </form>
  );
}
