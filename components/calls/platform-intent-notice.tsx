import { useTranslations } from "next-intl";
import { TitledNotice } from "@/components/ui/titled-notice";
import { intentText } from "@/lib/call-records/notation";
import type { IntentValue } from "@/lib/call-records/platform-intent";

/**
 * An accepted record whose intent was corrected afterwards: TOP still holds
 * what it accepted. Says so next to the resubmit button (the record page's
 * submit button, which goes through the pre-submit confirmation).
 */
export function PlatformIntentNotice({
  sent,
  corrected,
}: {
  sent: IntentValue | null;
  corrected: { tagId: string; code: number | null; name: string | null };
}) {
  const t = useTranslations("views.platform");
  return (
    <TitledNotice
      role="note"
      testId="platform-intent"
      className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      title={t("title")}
    >
      <p className="mt-1">
        {t("body", { sent: (sent && intentText(sent)) ?? t("unknown"), corrected: intentText(corrected) ?? "–" })}
      </p>
    </TitledNotice>
  );
}
