import { getTranslations } from "next-intl/server";
import { warningBox } from "@/components/ui/styles";
import { TitledNotice } from "@/components/ui/titled-notice";

export type IgnoredKind = "date" | "id" | "text" | "reversed" | "other";

/**
 * The notice of a page whose link carried invalid parameters: which ones
 * were ignored and why, in the user's language (the page still renders with
 * the rest).
 */
export async function IgnoredParams({
  errors,
}: {
  errors: { param: string; kind: IgnoredKind; value?: string; max?: number }[];
}) {
  if (!errors.length) return null;
  const t = await getTranslations("input.ignored");
  return (
    <TitledNotice role="alert" testId="ignored-params" className={warningBox} title={t("title")}>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e, i) => {
          const reason = t(e.kind, { max: e.max ?? 0 });
          return (
            <li key={i}>
              <code>{e.param}</code>: {e.value !== undefined ? t("quoted", { value: e.value, reason }) : reason}
            </li>
          );
        })}
      </ul>
    </TitledNotice>
  );
}
