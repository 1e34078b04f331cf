"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { Suspense } from "react";
import type { Facets } from "@/lib/call-records/query/facets";
import type { CallFilters } from "@/lib/call-records/query/filters";
import { callFiltersToSearchParams } from "@/lib/call-records/query/filter-params";
import {
  COMPLIANCE_FILTERS,
  CRITICAL_FILTERS,
  PAGE_SIZES,
  REVIEW_STATES,
  SORTS,
  SUBMISSION_STATES,
} from "@/lib/call-records/query/filter-values";
import { intentText, isKnownResultStatus } from "@/lib/call-records/notation";
import { useResultStatusLabel } from "./status-badge";
import { FilterSearchForm } from "./filter-bar-search";
import {
  Check,
  countOf,
  Facet,
  FacetCount,
  FacetOptions,
  keepSelected,
  OptionsPending,
  ReviewerSelect,
  type Reviewer,
} from "./filter-bar-parts";
import { LabeledField } from "@/components/ui/field";
import { ChoiceSelect } from "@/components/ui/choice-select";

const SORT_LABELS = {
  "-start_time": "newest",
  start_time: "oldest",
  "-chat_duration": "longest",
  chat_duration: "shortest",
} as const satisfies Record<(typeof SORTS)[number], string>;

/**
 * The /calls filters. Everything lives in the URL, so links are shareable and
 * back/forward work; the server parses it (the one zod schema) and passes the
 * result. The counts next to the options arrive later than the list (they can
 * take a second on a free-text filter): the inputs work at once, the counts
 * fill in when `facets` resolves.
 */
export function FilterBar({
  filters,
  facets,
  timeZone,
  reviewers,
  jobNames = [],
}: {
  /** Names of the jobs in the filter, to show beside their ids. */
  jobNames?: { id: string; name: string | null }[];
  filters: CallFilters;
  facets: Promise<Facets>;
  timeZone: string;
  /** Who has reviewed or may review: streamed, so the bar is sent without waiting for them. */
  reviewers: Promise<Reviewer[]>;
}) {
  const t = useTranslations("calls.filters");
  const tv = useTranslations("views");
  const tc = useTranslations("common");
  const tk = useTranslations("compliance");
  const statusLabel = useResultStatusLabel();
  const router = useRouter();
  const pathname = usePathname();

  function go(next: Partial<CallFilters>) {
    const query = callFiltersToSearchParams({ ...filters, ...next, cursor: undefined }).toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  function toggle<K extends "status" | "submission" | "review" | "compliance">(key: K, value: CallFilters[K][number]) {
    const current = filters[key] as string[];
    go({
      [key]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value],
    } as Partial<CallFilters>);
  }

  /** A facet's checkboxes over its fixed values, each with its count once the facets are in. */
  function valueChecks<K extends "submission" | "review" | "compliance">(
    key: K,
    values: readonly CallFilters[K][number][],
    label: (value: CallFilters[K][number]) => string,
  ) {
    return values.map((v) => (
      <Check
        key={v}
        checked={(filters[key] as string[]).includes(v)}
        onChange={() => toggle(key, v)}
        label={label(v)}
        // "any" is every flagged call, not a kind of its own: it has no count.
        count={v === "any" ? null : <FacetCount facets={facets} pick={(f) => countOf(f[key], v)} />}
      />
    ));
  }

  const intentKey = (i: { tagId: bigint | string; code: number }) => `${i.tagId}:${i.code}`;
  const activeIntents = new Set(filters.intent.map(intentKey));
  const toggleIntent = (i: { tagId: string; code: number }) =>
    go({
      intent: activeIntents.has(intentKey(i))
        ? filters.intent.filter((x) => intentKey(x) !== intentKey(i))
        : [...filters.intent, { tagId: BigInt(i.tagId), code: i.code }],
    });

  return (
    <section aria-label={t("label")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <FilterSearchForm filters={filters} timeZone={timeZone} go={go} />

      {filters.job.length || filters.batch.length ? (
        <ul className="flex flex-wrap gap-2 text-sm" aria-label={tv("job.active")} data-testid="scope-chips">
          {filters.job.map((j) => {
            const name = jobNames.find((n) => n.id === j.toString())?.name;
            return (
              <li
                key={`job-${j}`}
                className="flex items-center gap-1 rounded-full bg-sky-50 px-2 py-0.5 text-sky-900 ring-1 ring-inset ring-sky-200"
              >
                {name ? `${name} (${j})` : j.toString()}
                <button
                  type="button"
                  onClick={() => go({ job: filters.job.filter((x) => x !== j) })}
                  aria-label={`${t("reset")}: ${name ?? j}`}
                  className="px-1 text-sky-700 hover:text-sky-950"
                >
                  ×
                </button>
              </li>
            );
          })}
          {filters.batch.map((b) => (
            <li
              key={`batch-${b}`}
              className="flex items-center gap-1 rounded-full bg-violet-50 px-2 py-0.5 text-violet-900 ring-1 ring-inset ring-violet-200"
              data-testid="batch-chip"
            >
              {tv("batch.filterTitle", { id: b.toString() })}
              <button
                type="button"
                onClick={() => go({ batch: filters.batch.filter((x) => x !== b) })}
                aria-label={tv("batch.remove")}
                className="px-1 text-violet-700 hover:text-violet-950"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-x-6 gap-y-3 text-sm">
        <Facet title={t("resultStatus")}>
          {/* The options themselves come with the counts (the statuses that occur). */}
          <Suspense fallback={<OptionsPending label={t("counting")} />}>
            <FacetOptions
              facets={facets}
              pick={(f) =>
                keepSelected(
                  f.status.map((o) => ({ key: o.value, label: statusLabel(o.value), count: o.count })),
                  filters.status.map((v) => ({ key: v, label: statusLabel(v), count: 0 })),
                )
              }
            >
              {(o, count) => (
                <Check
                  key={o.key}
                  checked={filters.status.includes(o.key)}
                  onChange={() => toggle("status", o.key)}
                  label={o.label}
                  count={count}
                  mono={!isKnownResultStatus(o.key)}
                  title={o.key}
                />
              )}
            </FacetOptions>
          </Suspense>
        </Facet>
        <Facet title={t("submission")}>
          {valueChecks("submission", SUBMISSION_STATES, (s) => tc(`submission.${s}`))}
        </Facet>
        <Facet title={t("review")}>
          {valueChecks("review", REVIEW_STATES, (s) => tc(`review.${s}`))}
          <Suspense fallback={null}>
            <ReviewerSelect
              reviewers={reviewers}
              value={filters.reviewer[0]?.toString() ?? ""}
              label={t("reviewedBy")}
              anyone={t("anyone")}
              onChange={(id) => go({ reviewer: id ? [BigInt(id)] : [] })}
            />
          </Suspense>
        </Facet>
        <Facet title={t("compliance")}>{valueChecks("compliance", COMPLIANCE_FILTERS, (k) => tk(`kinds.${k}`))}</Facet>
        <Facet title={t("intent")}>
          <Suspense fallback={<OptionsPending />}>
            <FacetOptions
              facets={facets}
              pick={(f) =>
                keepSelected(
                  f.intent.map((i) => ({
                    key: intentKey(i),
                    label: intentText(i) ?? intentKey(i),
                    count: i.count,
                    intent: i,
                  })),
                  filters.intent.map((i) => ({
                    key: intentKey(i),
                    label: intentText({ tagId: i.tagId, code: i.code, name: null }) ?? intentKey(i),
                    count: 0,
                    intent: { tagId: i.tagId.toString(), code: i.code },
                  })),
                )
              }
            >
              {(o, count) => (
                <Check
                  key={o.key}
                  checked={activeIntents.has(o.key)}
                  onChange={() => toggleIntent(o.intent)}
                  label={o.label}
                  count={count}
                />
              )}
            </FacetOptions>
          </Suspense>
        </Facet>
        <div className="space-y-2">
          <LabeledField label={t("recording")}>
            <ChoiceSelect
              value={filters.audio === undefined ? "" : String(filters.audio)}
              choices={[
                { value: "", label: t("recordingAny") },
                { value: "true", label: t("recordingWith") },
                { value: "false", label: t("recordingWithout") },
              ]}
              onChange={(v) => go({ audio: v === "" ? undefined : v === "true" })}
            />
          </LabeledField>
          <LabeledField label={t("critical")}>
            <ChoiceSelect
              value={filters.critical ?? ""}
              choices={[
                { value: "", label: t("criticalAny") },
                ...CRITICAL_FILTERS.map((c) => ({
                  value: c,
                  label: t(c === "failed" ? "criticalFailed" : "criticalPassed"),
                })),
              ]}
              onChange={(v) => go({ critical: v || undefined })}
            />
          </LabeledField>
          <LabeledField label={t("sort")}>
            <ChoiceSelect
              value={filters.sort}
              choices={SORTS.map((s) => ({ value: s, label: t(`sorts.${SORT_LABELS[s]}`) }))}
              onChange={(sort) => go({ sort })}
            />
          </LabeledField>
          <LabeledField label={t("pageSize")}>
            <ChoiceSelect
              value={String(filters.size)}
              choices={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
              onChange={(v) => go({ size: Number(v) })}
            />
          </LabeledField>
        </div>
      </div>
    </section>
  );
}
