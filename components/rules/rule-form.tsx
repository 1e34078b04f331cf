"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ActionFailure, unwrap, useErrorText } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { StackedInput } from "@/components/ui/form-controls";
import { createReportingRule, dryRunReportingRule, updateReportingRule } from "@/lib/rules/actions";
import type { RuleDryRun } from "@/lib/rules/data";
import { PendingSubmit } from "@/components/ui/pending-submit";

const primary = "rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-60";
const secondary = "rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50 disabled:opacity-60";

export interface RuleFormValues {
  name: string;
  filter: string;
  settleSeconds: number;
  dailyCap: number | null;
  enabled: boolean;
}

/** The rule's form, with its dry run: what it would send now with the values on the form. */
export function RuleForm({
  ruleId,
  initial,
  canWrite,
}: {
  ruleId?: string;
  initial: RuleFormValues;
  canWrite: boolean;
}) {
  const t = useTranslations("rules");
  const errorText = useErrorText();
  const router = useRouter();
  const [form, setForm] = useState({
    name: initial.name,
    filter: initial.filter,
    settle: String(initial.settleSeconds),
    cap: initial.dailyCap === null ? "" : String(initial.dailyCap),
    enabled: initial.enabled,
  });
  const values = () => ({
    name: form.name,
    filter: form.filter,
    settleSeconds: Number(form.settle),
    dailyCap: form.cap.trim() === "" ? null : Number(form.cap),
    enabled: form.enabled,
  });
  const describe = (err: Error) =>
    err instanceof ActionFailure && err.code === "name_taken" ? t("errors.name_taken") : errorText(err);

  const dry = useMutation({
    mutationFn: async (): Promise<RuleDryRun> => {
      const v = values();
      return unwrap(
        await dryRunReportingRule({ ruleId, filter: v.filter, settleSeconds: v.settleSeconds, dailyCap: v.dailyCap }),
      );
    },
  });
  const save = useMutation({
    mutationFn: async () =>
      ruleId
        ? unwrap(await updateReportingRule({ ruleId, patch: values() }))
        : unwrap(await createReportingRule(values())),
    onSuccess: (data) => {
      if (!ruleId) router.push(`/rules/${data.id}`);
      else router.refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = (k: keyof typeof form) => (e: { target: HTMLInputElement }) =>
    setForm((f) => ({ ...f, [k]: k === "enabled" ? e.target.checked : e.target.value }));

  return (
    <form
      onSubmit={submit}
      aria-label={t("form.label")}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
    >
      <StackedInput
        label={t("form.name")}
        required
        maxLength={100}
        value={form.name}
        onChange={set("name")}
        disabled={!canWrite}
      />
      <StackedInput
        label={t("form.filter")}
        value={form.filter}
        onChange={set("filter")}
        maxLength={4000}
        className="font-mono"
        aria-describedby="rule-filter-hint"
        disabled={!canWrite}
      >
        <span id="rule-filter-hint" className="text-xs text-slate-500">
          {t("form.filterHint")}{" "}
          <a className="text-sky-700 underline" href={`/calls?${form.filter.replace(/^\?/, "")}`}>
            {t("form.openFilter")}
          </a>
        </span>
      </StackedInput>
      <div className="flex flex-wrap gap-4">
        <StackedInput
          label={t("form.settle")}
          type="number"
          min={0}
          max={604800}
          required
          value={form.settle}
          onChange={set("settle")}
          className="w-40"
          disabled={!canWrite}
        />
        <StackedInput
          label={t("form.cap")}
          type="number"
          min={1}
          value={form.cap}
          onChange={set("cap")}
          className="w-40"
          disabled={!canWrite}
        />
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={form.enabled} onChange={set("enabled")} disabled={!canWrite} />
        {t("form.enabled")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={secondary} onClick={() => dry.mutate()} disabled={dry.isPending}>
          {dry.isPending ? t("dryRun.running") : t("dryRun.run")}
        </button>
        {canWrite ? (
          <PendingSubmit pending={save.isPending} busy={t("form.saving")} className={primary}>
            {ruleId ? t("form.save") : t("form.create")}
          </PendingSubmit>
        ) : null}
        {save.isSuccess && ruleId ? <span role="status">{t("form.saved")}</span> : null}
      </div>
      <FailureLine error={save.error} text={describe} />
      <FailureLine error={dry.error} text={describe} />
      {dry.data ? <DryRunResult result={dry.data} /> : null}
    </form>
  );
}

function DryRunResult({ result }: { result: RuleDryRun }) {
  const t = useTranslations("rules.dryRun");
  return (
    <section aria-label={t("title")} data-testid="rule-dry-run" className="rounded border border-sky-200 bg-sky-50 p-3">
      <h2 className="font-medium">{t("title")}</h2>
      <p>{t("summary", { matching: result.matching, wouldSend: result.wouldSend })}</p>
      {result.heldBack.length ? (
        <>
          <h3 className="mt-2 font-medium">{t("heldBack")}</h3>
          <ul className="list-disc pl-5">
            {result.heldBack.map((h) => (
              <li key={h.reason}>
                {h.count} · {t(`reason.${h.reason}`)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("none")}</p>
      )}
    </section>
  );
}
