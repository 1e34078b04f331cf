import { useTranslations } from "next-intl";

/** Said on a closed session's pages: its answers can no longer change. */
export function CalibrationClosedNote() {
  const t = useTranslations("scorecards.calibration");
  return (
    <p role="status" className="text-sm text-slate-700" data-testid="calibration-closed">
      {t("closedNote")}
    </p>
  );
}
