import { useTranslations } from "next-intl";
import type { ParsedFilters } from "@/lib/call-records/query/filters";
import { ALLOWED_VALUES as ALLOWED, FILTER_PARAMS } from "@/lib/call-records/query/filter-values";
import { warningBox } from "@/components/ui/styles";
const PARAMS = [...FILTER_PARAMS, "size", "cursor"] as const;

/** Parts of a /calls link that were ignored, and why, in the user's language. */
export function FilterErrors({ errors, cursorInvalid }: { errors: ParsedFilters["errors"]; cursorInvalid: boolean }) {
  const t = useTranslations("calls.filterErrors");
  if (!errors.length && !cursorInvalid) return null;
  const reason = (e: ParsedFilters["errors"][number]) => {
    if (e.code === "min_above_max")
      return t("min_above_max", { min: e.param === "maxScore" ? "minScore" : "minDuration" });
    if (e.code === "from_after_to") return t("from_after_to");
    const param = (PARAMS as readonly string[]).includes(e.param) ? (e.param as (typeof PARAMS)[number]) : "other";
    const text = t(`params.${param}`, { allowed: (ALLOWED[e.param] ?? []).join(", ") });
    return e.value !== undefined ? t("quoted", { value: e.value, reason: text }) : text;
  };
  return (
    <div role="alert" className={warningBox}>
      <p className="font-medium">{t("title")}</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e.param}</code>: {reason(e)}
          </li>
        ))}
        {cursorInvalid ? (
          <li>
            <code>cursor</code>: {t("cursor")}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
