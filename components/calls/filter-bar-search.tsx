"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
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

  type TextKey = keyof typeof text;
  const bind = (key: TextKey) => ({
    value: text[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setText({ ...text, [key]: e.target.value }),
  });
  const dates = [
    { key: "from", label: t("from", { timeZone }) },
    { key: "to", label: t("to") },
  ] as const;
  // Each range is two inputs, a lower and an upper bound, under one label.
  const ranges = [
    {
      label: t("talkTime"),
      inputMode: "numeric",
      min: { key: "minDuration", label: t("minTalk") },
      max: { key: "maxDuration", label: t("maxTalk") },
    },
    {
      label: t("score"),
      inputMode: "decimal",
      min: { key: "minScore", label: t("minScore") },
      max: { key: "maxScore", label: t("maxScore") },
    },
  ] as const;
  const boundInput = (bound: { key: TextKey; label: string }, inputMode: "numeric" | "decimal") => (
    <input
      inputMode={inputMode}
      aria-label={bound.label}
      {...bind(bound.key)}
      className="w-16 rounded border border-slate-300 px-2 py-1"
    />
  );

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
        <input {...bind("q")} className="w-56 rounded border border-slate-300 px-2 py-1" />
      </LabeledField>
      <LabeledField label={t("jobs")}>
        <input
          {...bind("job")}
          placeholder={t("jobsPlaceholder")}
          className="w-48 rounded border border-slate-300 px-2 py-1 font-mono text-xs"
        />
      </LabeledField>
      <LabeledField label={tv("job.pick")}>
        <JobPicker onPick={(id) => go({ job: [...filters.job.filter((j) => j.toString() !== id), BigInt(id)] })} />
      </LabeledField>
      {dates.map(({ key, label }) => (
        <LabeledField key={key} label={label}>
          <input
            type="date"
            {...bind(key)}
            value={text[key].slice(0, 10)}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </LabeledField>
      ))}
      {ranges.map(({ label, inputMode, min, max }) => (
        <LabeledField key={min.key} label={label}>
          <span className="flex items-center gap-1">
            {boundInput(min, inputMode)}–{boundInput(max, inputMode)}
          </span>
        </LabeledField>
      ))}
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
