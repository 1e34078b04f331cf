"use client";

import { useTranslations } from "next-intl";
import { CALL_COLUMNS } from "./call-columns";
import { setHiddenColumns, useHiddenColumns } from "./hidden-columns";

/** Which columns /calls shows, remembered in this browser. */
export function ColumnChooser() {
  const t = useTranslations("calls.columns");
  // The table applies the same choice itself (see CallsTableView).
  const hidden = useHiddenColumns();
  const toggle = (id: string) =>
    setHiddenColumns(hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id]);

  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
        {t("button")}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-52 space-y-1 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">{t("legend")}</legend>
        {CALL_COLUMNS.filter((c) => "optional" in c && c.optional).map((c) => (
          <label key={c.id} className="flex items-center gap-2">
            <input type="checkbox" checked={!hidden.includes(c.id)} onChange={() => toggle(c.id)} />
            {t(c.id)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
