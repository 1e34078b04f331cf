"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PreSubmitDialog } from "./pre-submit-dialog";
import { textButton } from "@/components/ui/styles";

export function ResubmitJobFailuresButton({ jobId, failures }: { jobId: string; failures: number }) {
  const t = useTranslations("submissions.resubmitJob");
  const [open, setOpen] = useState(false);
  if (!failures) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={textButton}>
        {t("button")}
      </button>
      {open ? (
        <PreSubmitDialog
          selection={{ type: "job", jobId }}
          label={t("label", { count: failures, id: jobId })}
          onlyFailures
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
