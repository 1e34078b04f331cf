import { useSyncExternalStore } from "react";
import { CALL_COLUMNS } from "./call-columns";

/** Which optional columns of the calls table are hidden, remembered in this browser (client components only). */

const STORAGE_KEY = "lvr.calls.hiddenColumns";
const CHANGED = "lvr:columns-changed";
const DEFAULT_HIDDEN = JSON.stringify(
  CALL_COLUMNS.filter((c) => "hiddenByDefault" in c && c.hiddenByDefault).map((c) => c.id),
);

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

/**
 * The hidden columns' ids. The server (and the first render in the browser)
 * uses the defaults; the browser then switches to the remembered choice. The
 * table reads this itself, so a table that streams in after the chooser has
 * mounted still gets the choice.
 */
export function useHiddenColumns(): string[] {
  return parse(
    useSyncExternalStore(
      subscribe,
      () => localStorage.getItem(STORAGE_KEY) ?? DEFAULT_HIDDEN,
      () => DEFAULT_HIDDEN,
    ),
  );
}

export function setHiddenColumns(ids: string[]): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  window.dispatchEvent(new Event(CHANGED));
}

/** The table's columns less the hidden ones, in the table's order; a column the chooser does not offer always shows. */
export function visibleColumns(hidden: readonly string[]): (typeof CALL_COLUMNS)[number][] {
  return CALL_COLUMNS.filter((c) => !("optional" in c && c.optional && hidden.includes(c.id)));
}

export function useVisibleColumns(): (typeof CALL_COLUMNS)[number][] {
  return visibleColumns(useHiddenColumns());
}
