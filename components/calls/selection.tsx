"use client";

import { useTranslations } from "next-intl";
import { createContext, lazy, Suspense, use, useContext, useEffect, useState, type ReactNode } from "react";
import type { Selection } from "@/lib/submissions/selection";

// The dialog (and the query hooks it uses) is fetched when a selection is
// made, not with the page: most visits to /calls never submit anything.
const loadDialog = () => import("@/components/submissions/pre-submit-dialog");
const PreSubmitDialog = lazy(() => loadDialog().then((m) => ({ default: m.PreSubmitDialog })));

/**
 * Row selection on /calls: single rows, the whole page, or everything that
 * matches the filter — the last is carried as the filter itself, never as
 * a list of ids.
 */

interface SelectionState {
  allMatching: boolean;
  ids: ReadonlySet<string>;
  pageIds: readonly string[];
  toggle(id: string): void;
  togglePage(): void;
  selectAllMatching(): void;
  clear(): void;
}

const SelectionContext = createContext<SelectionState | null>(null);

function useSelection(): SelectionState {
  const ctx = useContext(SelectionContext);
  if (!ctx) throw new Error("useSelection outside CallsSelection");
  return ctx;
}

export function CallsSelection({ pageIds, children }: { pageIds: string[]; children: ReactNode }) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const state: SelectionState = {
    allMatching,
    ids,
    pageIds,
    toggle(id) {
      setAllMatching(false);
      setIds((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    togglePage() {
      setAllMatching(false);
      setIds((prev) =>
        pageIds.every((id) => prev.has(id))
          ? new Set([...prev].filter((id) => !pageIds.includes(id)))
          : new Set([...prev, ...pageIds]),
      );
    },
    selectAllMatching() {
      setAllMatching(true);
    },
    clear() {
      setAllMatching(false);
      setIds(new Set());
    },
  };
  return <SelectionContext.Provider value={state}>{children}</SelectionContext.Provider>;
}

export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const s = useSelection();
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={s.allMatching || s.ids.has(id)}
      onChange={() => s.toggle(id)}
      className="h-4 w-4"
    />
  );
}

export function PageCheckbox() {
  const s = useSelection();
  const t = useTranslations("calls.table");
  const all = s.allMatching || (s.pageIds.length > 0 && s.pageIds.every((id) => s.ids.has(id)));
  return (
    <input
      type="checkbox"
      aria-label={t("selectPage")}
      checked={all}
      onChange={() => s.togglePage()}
      className="h-4 w-4"
    />
  );
}

export function SelectionBar({
  filterQuery,
  canSubmit,
  matching: matchingPromise,
}: {
  filterQuery: string;
  canSubmit: boolean;
  /** e.g. "1,234" or "≈ 1.2M"; counted after the list is sent, so render this under <Suspense>. */
  matching: Promise<string>;
}) {
  const s = useSelection();
  const t = useTranslations("calls.selection");
  const [dialog, setDialog] = useState<{ selection: Selection; label: string } | null>(null);
  const count = s.ids.size;
  const shown = s.allMatching || count > 0;
  useEffect(() => {
    if (shown && canSubmit) void loadDialog();
  }, [shown, canSubmit]);
  if (!shown) return null;
  const matching = use(matchingPromise);
  const selection: Selection = s.allMatching
    ? { type: "filter", query: filterQuery }
    : { type: "ids", ids: [...s.ids] };
  const label = s.allMatching ? t("dialogAll", { matching }) : t("dialogSome", { count });
  const pageFullySelected = s.pageIds.every((id) => s.ids.has(id));
  return (
    <div
      role="region"
      aria-label={t("region")}
      className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-sky-200 bg-sky-50 px-4 py-2 text-sm"
    >
      <span data-testid="selection-summary" className="font-medium">
        {s.allMatching ? t("summaryAll", { matching }) : t("summarySome", { count })}
      </span>
      {!s.allMatching && pageFullySelected ? (
        <button type="button" onClick={() => s.selectAllMatching()} className="font-medium text-sky-800 underline">
          {t("selectAll", { matching })}
        </button>
      ) : null}
      <button type="button" onClick={() => s.clear()} className="text-slate-700 underline">
        {t("clear")}
      </button>
      {canSubmit ? (
        <button
          type="button"
          onClick={() => setDialog({ selection, label })}
          className="ml-auto rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800"
        >
          {t("submit")}
        </button>
      ) : null}
      {dialog ? (
        <Suspense fallback={null}>
          <PreSubmitDialog selection={dialog.selection} label={dialog.label} onClose={() => setDialog(null)} />
        </Suspense>
      ) : null}
    </div>
  );
}
