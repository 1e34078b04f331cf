"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/**
 * Keyboard work on the calls table: j / k move between rows, Enter opens the
 * record, x toggles its selection. Ignored while typing in a field.
 */
export function TableKeys() {
  const t = useTranslations("calls");
  const hint = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, select, textarea, [contenteditable=true], dialog")) return;
      const rows = [...document.querySelectorAll<HTMLTableRowElement>("tr[data-testid=call-row]")];
      if (!rows.length) return;
      const current = rows.findIndex((r) => r === document.activeElement || r.contains(document.activeElement));
      const focus = (i: number) => rows[Math.max(0, Math.min(rows.length - 1, i))]?.focus();
      if (e.key === "j") focus(current + 1);
      else if (e.key === "k") focus(current < 0 ? 0 : current - 1);
      else if (e.key === "Enter" && current >= 0 && target === rows[current])
        rows[current]!.querySelector<HTMLAnchorElement>("a")?.click();
      else if (e.key === "x" && current >= 0)
        rows[current]!.querySelector<HTMLInputElement>("input[type=checkbox]")?.click();
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    hint.current?.setAttribute("data-ready", "true"); // lets tests (and styles) know the keys work now
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <p ref={hint} data-testid="table-keys" className="text-xs text-slate-500">
      {t.rich("keys", { kbd: (chunks) => <kbd className="rounded border px-1">{chunks}</kbd> })}
    </p>
  );
}
