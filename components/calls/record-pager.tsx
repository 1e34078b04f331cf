import Link from "next/link";
import { useTranslations } from "next-intl";
import { BackLink } from "@/components/ui/back-link";

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
  // A step with no record that way is shown greyed out, not as a link.
  const step = (id: bigint | null, rel: "prev" | "next", label: string) =>
    id !== null ? (
      <Link href={`/calls/${id}${q}`} rel={rel} className={cls}>
        {label}
      </Link>
    ) : (
      <span className={`${cls} opacity-50`} aria-disabled>
        {label}
      </span>
    );
  return (
    <nav aria-label={t("label")} className="mb-4 flex items-center gap-2">
      <BackLink href={`/calls${q}`}>{t("back")}</BackLink>
      <span className="ml-auto" />
      {step(previous, "prev", t("previous"))}
      {step(next, "next", t("next"))}
    </nav>
  );
}
