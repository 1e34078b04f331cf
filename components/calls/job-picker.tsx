"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { searchJobsAction } from "@/lib/jobs/actions";
import type { JobName } from "@/lib/jobs/names";

/**
 * Finds jobs by name (or creditor, or the start of the id) for the job
 * filter: `job=` keeps taking ids, this turns a name into one.
 */
export function JobPicker({ onPick }: { onPick: (jobId: string) => void }) {
  const t = useTranslations("views.job");
  const [q, setQ] = useState("");
  // The answer for the text it was asked for: a stale answer is never shown for newer text.
  const [result, setResult] = useState<{ q: string; jobs: JobName[] } | null>(null);
  const found = q.trim() && result?.q === q.trim() ? result.jobs : null;
  const listId = useId();
  useEffect(() => {
    const text = q.trim();
    if (!text) return;
    let live = true;
    const timer = setTimeout(() => {
      void searchJobsAction({ q: text }).then((r) => live && setResult({ q: text, jobs: r.ok ? r.data : [] }));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div className="relative">
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("pickPlaceholder")}
        aria-label={t("pick")}
        aria-controls={found ? listId : undefined}
        className="w-48 rounded border border-slate-300 px-2 py-1"
        data-testid="job-picker"
      />
      {found ? (
        <ul
          id={listId}
          className="absolute z-10 mt-1 max-h-60 w-72 overflow-y-auto rounded border border-slate-200 bg-white py-1 text-sm shadow-lg"
          data-testid="job-picker-results"
        >
          {found.length === 0 ? <li className="px-2 py-1 text-slate-600">{t("pickNone")}</li> : null}
          {found.map((j) => (
            <li key={j.jobId}>
              <button
                type="button"
                onClick={() => {
                  onPick(j.jobId);
                  setQ("");
                }}
                aria-label={t("pickAdd", { name: j.name ?? "–", id: j.jobId })}
                className="block w-full px-2 py-1 text-left hover:bg-sky-50 focus:bg-sky-50"
              >
                {j.name ?? "–"} <span className="font-mono text-xs text-slate-500">({j.jobId})</span>
                {j.creditor ? <span className="block text-xs text-slate-500">{j.creditor}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
