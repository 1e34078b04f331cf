"use client";

import { useTranslations } from "next-intl";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { dangerButton } from "@/components/ui/styles";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { closeCalibrationAction } from "@/lib/scorecards/actions";

/** "Close session", after a confirmation: closing cannot be undone, so the dialog says what it stops. */
export function CloseCalibrationSession({ sessionId, name }: { sessionId: string; name: string }) {
  const t = useTranslations("scorecards.calibration");
  const errorText = useErrorText();
  const {
    action: close,
    ask,
    dialog,
  } = useConfirmedAction({
    run: async () => unwrap(await closeCalibrationAction({ sessionId })),
  });
  return (
    <>
      <button type="button" onClick={ask} className={dangerButton}>
        {t("close")}
      </button>
      {dialog({
        title: t("closeTitle", { name }),
        confirmLabel: t("close"),
        error: close.isError ? errorText(close.error) : null,
        testId: "close-calibration",
        children: <p>{t("closeBody")}</p>,
      })}
    </>
  );
}
