"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * "Download evidence bundle" for supervisors: asks why (and, for a job, which
 * day) first, then downloads the signed ZIP from `action` with a plain GET, so
 * that the browser streams it to disk however large a day is. The server
 * refuses without a reason and puts the reason on the audit trail.
 */
export function DownloadEvidence({ action, day, timeZone }: { action: string; day?: string; timeZone?: string }) {
  const t = useTranslations("views.evidence");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const titleId = useId();
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
        data-testid="evidence-download"
      >
        {t("button")}
      </button>
    );
  }
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
      className="w-80 rounded-lg border border-slate-300 bg-white p-3 text-sm shadow-lg"
    >
      <form method="get" action={action} onSubmit={() => setTimeout(() => setOpen(false), 0)} className="space-y-2">
        <h2 id={titleId} className="font-semibold">
          {t("title")}
        </h2>
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
        <label className="block">
          <span className="text-slate-700">{t("why")}</span>
          <input
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={5}
            maxLength={500}
            autoFocus
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
            data-testid="evidence-reason"
          />
        </label>
        <p className="text-xs text-slate-600">{t("note")}</p>
        <div className="flex gap-2">
          <button
            type="submit"
            disabled={reason.trim().length < 5}
            className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
            data-testid="evidence-go"
          >
            {t("go")}
          </button>
          <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-300 px-3 py-1">
            {t("cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}
