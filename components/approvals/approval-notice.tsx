"use client";

import { useTranslations } from "next-intl";

/** Said before sending records that need a second person's approval: the batch will wait for it. */
export function ApprovalNotice({ className }: { className: string }) {
  const t = useTranslations("approval.dialog");
  return (
    <p role="note" data-testid="approval-notice" className={className}>
      {t("willWait")}
    </p>
  );
}
