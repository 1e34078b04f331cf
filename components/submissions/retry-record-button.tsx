"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PreSubmitDialog } from "./pre-submit-dialog";
import { primaryButton } from "@/components/ui/styles";

/** A record's page: sends it through the same check and confirmation as a list selection. */
export function RetryRecordButton({ callRecordId, disabled }: { callRecordId: string; disabled: boolean }) {
  const t = useTranslations("confirm");
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={disabled}
        onClick={() => setOpen(true)}
        className={`${primaryButton} disabled:cursor-not-allowed disabled:bg-slate-400`}
      >
        {t("recordSubmit")}
      </button>
      {open ? (
        <PreSubmitDialog
          selection={{ type: "ids", ids: [callRecordId] }}
          label={callRecordId}
          retryRecordId={callRecordId}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}
