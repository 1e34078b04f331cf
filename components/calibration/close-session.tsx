"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { dangerButton } from "@/components/ui/styles";
import { closeCalibrationAction } from "@/lib/scorecards/actions";

/** "Close session", after a confirmation: closing cannot be undone, so the dialog says what it stops. */
export function CloseCalibrationSession({ sessionId, name }: { sessionId: string; name: string }) {
  const t = useTranslations("scorecards.calibration");
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const close = useMutation({
    mutationFn: async () => unwrap(await closeCalibrationAction({ sessionId })),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={dangerButton}>
        {t("close")}
      </button>
      {open ? (
        <ConfirmDialog
          title={t("closeTitle", { name })}
          confirmLabel={t("close")}
          pending={close.isPending}
          error={close.isError ? errorText(close.error) : null}
          onConfirm={() => close.mutate()}
          onClose={() => setOpen(false)}
          testId="close-calibration"
        >
          <p>{t("closeBody")}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
