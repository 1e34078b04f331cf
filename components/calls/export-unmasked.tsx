"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/**
 * Supervisors' export with full numbers and names: asks why first (the
 * reason goes on the audit trail with the export, as for revealing one
 * record), then downloads `/api/calls/export?<filter>&unmasked=true&reason=…`.
 */
export function ExportUnmasked({ filterQuery }: { filterQuery: string }) {
  const t = useTranslations("views.export");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const titleId = useId();
  const params = [...new URLSearchParams(filterQuery).entries()];
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-amber-400 bg-white px-3 py-1.5 text-sm text-amber-900 hover:bg-amber-50"
        data-testid="export-unmasked"
      >
        {t("unmasked")}
      </button>
    );
  }
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="absolute right-0 top-full z-20 mt-1 w-80 rounded-lg border border-amber-300 bg-white p-3 text-sm shadow-lg"
    >
      <form
        method="get"
        action="/api/calls/export"
        onSubmit={() => setTimeout(() => setOpen(false), 0)}
        className="space-y-2"
      >
        <h2 id={titleId} className="font-semibold">
          {t("title")}
        </h2>
        {params.map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name="unmasked" value="true" />
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
          />
        </label>
        <p className="text-xs text-slate-600">{t("note")}</p>
        <div className="flex gap-2">
          <button
            type="submit"
            disabled={reason.trim().length < 5}
            className="rounded bg-amber-600 px-3 py-1 font-medium text-white hover:bg-amber-700 disabled:bg-slate-400"
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
