"use client";

import { useTranslations } from "next-intl";
import { ReasonDownload } from "@/components/ui/reason-download";

/**
 * "Download evidence bundle" for supervisors: asks why (and, for a job, which
 * day) first, then downloads the signed ZIP from `action` with a plain GET, so
 * that the browser streams it to disk however large a day is. The server
 * refuses without a reason and puts the reason on the audit trail.
 */
export function DownloadEvidence({ action, day, timeZone }: { action: string; day?: string; timeZone?: string }) {
  const t = useTranslations("views.evidence");
  return (
    <ReasonDownload
      action={action}
      labels={{
        button: t("button"),
        title: t("title"),
        why: t("why"),
        note: t("note"),
        go: t("go"),
        cancel: t("cancel"),
      }}
      tone="plain"
      testIds={{ button: "evidence-download", reason: "evidence-reason", go: "evidence-go" }}
    >
      {day !== undefined ? (
        <label className="block">
          <span className="text-slate-700">{t("day")}</span>
          <input
            type="date"
            name="day"
            defaultValue={day}
            required
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
          />
          <span className="mt-1 block text-xs text-slate-600">{t("dayNote", { timeZone: timeZone ?? "" })}</span>
        </label>
      ) : null}
    </ReasonDownload>
  );
}
