import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next record within the list the user came from, and the way back to it. */
export function RecordPager({
  previous,
  next,
  listQuery,
}: {
  previous: bigint | null;
  next: bigint | null;
  listQuery: string;
}) {
  const t = useTranslations("calls.pager");
  const q = listQuery ? `?${listQuery}` : "";
  const cls = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="mb-4 flex items-center gap-2">
      <Link href={`/calls${q}`} className="text-sm text-sky-700 hover:underline">
        {t("back")}
      </Link>
      <span className="ml-auto" />
      {previous !== null ? (
        <Link href={`/calls/${previous}${q}`} rel="prev" className={cls}>
          {t("previous")}
        </Link>
      ) : (
        <span className={`${cls} opacity-50`} aria-disabled>
          {t("previous")}
        </span>
      )}
      {next !== null ? (
        <Link href={`/calls/${next}${q}`} rel="next" className={cls}>
          {t("next")}
        </Link>
      ) : (
        <span className={`${cls} opacity-50`} aria-disabled>
          {t("next")}
        </span>
      )}
    </nav>
  );
}
