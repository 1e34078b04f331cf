"use client";

import { useTranslations } from "next-intl";
import { useEffect, useSyncExternalStore } from "react";
import { CALL_COLUMNS } from "./call-columns";

const STORAGE_KEY = "lvr.calls.hiddenColumns";
const CHANGED = "lvr:columns-changed";
const DEFAULT_HIDDEN = JSON.stringify(CALL_COLUMNS.filter((c) => "hiddenByDefault" in c && c.hiddenByDefault).map((c) => c.id));

// The preference lives in localStorage (remembered per browser); the server renders the defaults.
function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function parse(raw: string): string[] {
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : JSON.parse(DEFAULT_HIDDEN);
  } catch {
    return JSON.parse(DEFAULT_HIDDEN);
  }
}

/** Which columns /calls shows, remembered in this browser. */
export function ColumnChooser() {
  const t = useTranslations("calls.columns");
  const raw = useSyncExternalStore(subscribe, () => localStorage.getItem(STORAGE_KEY) ?? DEFAULT_HIDDEN, () => DEFAULT_HIDDEN);
  const hidden = parse(raw);

  useEffect(() => {
    document.getElementById("calls-table")?.setAttribute("data-hide", parse(raw).join(" "));
  }, [raw]);

  const toggle = (id: string) => {
    const next = hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id];
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    window.dispatchEvent(new Event(CHANGED));
  };

  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">{t("button")}</summary>
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
