import { useTranslations } from "next-intl";

/**
 * The skeleton a page shows while its data is read (the `loading.tsx` of each
 * section). There is no root `app/loading.tsx`: its boundary would put /calls
 * behind it too, and React reveals a boundary streamed after the first paint
 * no sooner than 300 ms later, so the page's title and filter bar (its largest
 * text) would always paint that much after the header. /calls sends them with
 * the header instead, and streams its rows into a place of their own.
 */
export function PageLoading() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-6 w-40 rounded bg-slate-200" />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-24 rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
