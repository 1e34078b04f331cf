"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { CallFilters } from "@/lib/call-records/query/filters";
import { callFiltersToSearchParams } from "@/lib/call-records/query/filter-params";
import { JobPicker } from "./job-picker";
import { LabeledField } from "@/components/ui/field";

function dayIn(timeZone: string, offsetDays = 0): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

/**
 * The free-text part of the /calls filters: typed values are applied together
 * on submit, the date presets and the job picker at once (through `go`).
 */
export function FilterSearchForm({
  filters,
  timeZone,
  go,
}: {
  filters: CallFilters;
  timeZone: string;
  go: (next: Partial<CallFilters>) => void;
}) {
  const t = useTranslations("calls.filters");
  const tv = useTranslations("views");
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState({
    q: filters.q ?? "",
    job: filters.job.join(", "),
    from: filters.from ?? "",
    to: filters.to ?? "",
    minDuration: filters.minDuration?.toString() ?? "",
    maxDuration: filters.maxDuration?.toString() ?? "",
    minScore: filters.minScore?.toString() ?? "",
    maxScore: filters.maxScore?.toString() ?? "",
  });

  function applyText(e: FormEvent) {
    e.preventDefault();
    // Re-parse through the shared schema: what the server will accept is what is applied.
    const raw = new URLSearchParams(callFiltersToSearchParams({ ...filters, job: [], cursor: undefined }));
    for (const id of text.job.split(/[\s,]+/).filter(Boolean)) raw.append("job", id);
    for (const key of ["q", "from", "to", "minDuration", "maxDuration", "minScore", "maxScore"] as const) {
      raw.delete(key);
      if (text[key].trim()) raw.set(key, text[key].trim());
    }
    router.push(`${pathname}?${raw.toString()}`);
  }

  return (
    <form
      role="search"
      aria-label={t("search")}
      onSubmit={applyText}
      className="flex flex-wrap items-end gap-3 text-sm"
    >
      <LabeledField label={t("q")}>
        <input
          value={text.q}
          onChange={(e) => setText({ ...text, q: e.target.value })}
          className="w-56 rounded border border-slate-300 px-2 py-1"
        />
      </LabeledField>
      <LabeledField label={t("jobs")}>
        <input
          value={text.job}
          onChange={(e) => setText({ ...text, job: e.target.value })}
          placeholder={t("jobsPlaceholder")}
          className="w-48 rounded border border-slate-300 px-2 py-1 font-mono text-xs"
        />
      </LabeledField>
      <LabeledField label={tv("job.pick")}>
        <JobPicker onPick={(id) => go({ job: [...filters.job.filter((j) => j.toString() !== id), BigInt(id)] })} />
      </LabeledField>
      <LabeledField label={t("from", { timeZone })}>
        <input
          type="date"
          value={text.from.slice(0, 10)}
          onChange={(e) => setText({ ...text, from: e.target.value })}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </LabeledField>
      <LabeledField label={t("to")}>
        <input
          type="date"
          value={text.to.slice(0, 10)}
          onChange={(e) => setText({ ...text, to: e.target.value })}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </LabeledField>
      <LabeledField label={t("talkTime")}>
        <span className="flex items-center gap-1">
          <input
            inputMode="numeric"
            aria-label={t("minTalk")}
            value={text.minDuration}
            onChange={(e) => setText({ ...text, minDuration: e.target.value })}
            className="w-16 rounded border border-slate-300 px-2 py-1"
          />
          –
          <input
            inputMode="numeric"
            aria-label={t("maxTalk")}
            value={text.maxDuration}
            onChange={(e) => setText({ ...text, maxDuration: e.target.value })}
            className="w-16 rounded border border-slate-300 px-2 py-1"
          />
        </span>
      </LabeledField>
      <LabeledField label={t("score")}>
        <span className="flex items-center gap-1">
          <input
            inputMode="decimal"
            aria-label={t("minScore")}
            value={text.minScore}
            onChange={(e) => setText({ ...text, minScore: e.target.value })}
            className="w-16 rounded border border-slate-300 px-2 py-1"
          />
          –
          <input
            inputMode="decimal"
            aria-label={t("maxScore")}
            value={text.maxScore}
            onChange={(e) => setText({ ...text, maxScore: e.target.value })}
            className="w-16 rounded border border-slate-300 px-2 py-1"
          />
        </span>
      </LabeledField>
      <button type="submit" className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
        {t("apply")}
      </button>
      <span className="flex gap-1" role="group" aria-label={t("presets")}>
        {(
          [
            ["today", 0],
            ["days7", 6],
            ["days30", 29],
          ] as const
        ).map(([label, back]) => (
          <button
            key={label}
            type="button"
            onClick={() => go({ from: dayIn(timeZone, -back), to: dayIn(timeZone) })}
            className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50"
          >
            {t(label)}
          </button>
        ))}
      </span>
      <button type="button" onClick={() => router.push(pathname)} className="text-slate-700 underline">
        {t("reset")}
      </button>
    </form>
  );
}
