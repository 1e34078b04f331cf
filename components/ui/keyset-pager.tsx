import Link from "next/link";
import { useTranslations } from "next-intl";

const on =
  "rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600";
const off = "rounded border border-slate-200 px-3 py-1.5 text-slate-400";

/**
 * First / previous / next for a keyset-paged list, and the position of the
 * rows shown when it is known. A link that does not apply is shown disabled,
 * so the controls keep their places.
 */
export function KeysetPager({
  label,
  first,
  previous,
  next,
  position,
}: {
  label: string;
  first: string | null;
  previous: string | null;
  next: string | null;
  position?: string | null;
}) {
  const t = useTranslations("views.paging");
  const link = (href: string | null, text: string, rel?: string) =>
    href ? (
      <Link href={href} rel={rel} className={on}>
        {text}
      </Link>
    ) : (
      <span aria-disabled="true" className={off}>
        {text}
      </span>
    );
  if (!first && !previous && !next && !position) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm" data-testid="pager">
      {link(first, t("first"))}
      {link(previous, t("previous"), "prev")}
      {link(next, t("next"), "next")}
      {position ? (
        <span className="ml-2 tabular-nums text-slate-600" data-testid="pager-position">
          {position}
        </span>
      ) : null}
    </nav>
  );
}
