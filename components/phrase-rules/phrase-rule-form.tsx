"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ActionFailure, unwrap, useErrorText } from "@/components/ui/action-error";
import { DeleteWithConfirm } from "@/components/ui/delete-with-confirm";
import { createPhraseRuleAction, deletePhraseRuleAction, updatePhraseRuleAction } from "@/lib/transcripts/actions";
import { PHRASE_RULE_KINDS, PHRASE_SPEAKERS, type PhraseRuleInput } from "@/lib/transcripts/rule-schema";

const input = "rounded border border-slate-300 px-2 py-1";
const primary = "rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-60";

export type PhraseRuleFormValues = Omit<PhraseRuleInput, "jobIds"> & { jobIds: string };

export const EMPTY_PHRASE_RULE: PhraseRuleFormValues = {
  name: "",
  kind: "required",
  pattern: "",
  isRegex: false,
  speaker: "robot",
  jobIds: "",
  enabled: true,
};

/** Job ids as typed ("12, 34"): null when one is not a whole number, said before the server is asked. */
function parseJobIds(text: string): string[] | null {
  const parts = text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.every((p) => /^\d{1,19}$/.test(p)) ? parts : null;
}

/** A phrase rule's form: creates one (no `ruleId`) or changes it, and deletes it when editing. */
export function PhraseRuleForm({ ruleId, initial }: { ruleId?: string; initial: PhraseRuleFormValues }) {
  const t = useTranslations("transcripts.rules");
  const errorText = useErrorText();
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [jobsError, setJobsError] = useState(false);
  const set = <K extends keyof PhraseRuleFormValues>(key: K, value: PhraseRuleFormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const describe = (err: Error) => {
    if (!(err instanceof ActionFailure) || err.code !== "invalid_pattern") return errorText(err);
    // The reason by its code in the page's language; the server's English only for a reason this page does not know.
    const { reason, ...values } = err.detail ?? {};
    const key = `reasons.${String(reason)}` as Parameters<typeof t.has>[0];
    return t("invalidPattern", { message: reason !== undefined && t.has(key) ? t(key, values) : err.message });
  };

  const save = useMutation({
    mutationFn: async (rule: PhraseRuleInput) =>
      unwrap(ruleId ? await updatePhraseRuleAction({ ruleId, rule }) : await createPhraseRuleAction(rule)),
    // The page then says that stored transcripts see the change after a recheck.
    onSuccess: () => {
      if (!ruleId) setForm(EMPTY_PHRASE_RULE);
      router.push("/admin/phrase-rules");
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const jobIds = parseJobIds(form.jobIds);
    setJobsError(jobIds === null);
    if (jobIds === null) return;
    save.mutate({ ...form, jobIds });
  };

  const idp = ruleId ? `phrase-rule-${ruleId}` : "phrase-rule-new";
  const error = save.error ? describe(save.error) : null;
  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${idp}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="phrase-rule-form"
    >
      <h2 id={`${idp}-title`} className="font-medium">
        {ruleId ? t("edit") : t("create")}
      </h2>
      <label className="flex flex-col gap-1">
        {t("name")}
        <input
          required
          maxLength={100}
          value={form.name}
          onChange={(e) => set("name", e.target.value)}
          className={input}
        />
      </label>
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col gap-1">
          {t("kind")}
          <select
            value={form.kind}
            onChange={(e) => set("kind", e.target.value as PhraseRuleInput["kind"])}
            className={input}
          >
            {PHRASE_RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t("speaker")}
          <select
            value={form.speaker}
            onChange={(e) => set("speaker", e.target.value as PhraseRuleInput["speaker"])}
            className={input}
          >
            {PHRASE_SPEAKERS.map((s) => (
              <option key={s} value={s}>
                {t(`speakers.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* The help sits outside the label: it describes the field, it is not its name. */}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idp}-pattern`}>{t("pattern")}</label>
        <input
          id={`${idp}-pattern`}
          required
          maxLength={200}
          value={form.pattern}
          onChange={(e) => set("pattern", e.target.value)}
          aria-describedby={`${idp}-pattern-help`}
          aria-invalid={save.error instanceof ActionFailure && save.error.code === "invalid_pattern"}
          className={`${input} font-mono`}
        />
        <span id={`${idp}-pattern-help`} className="text-xs text-slate-600">
          {t("patternHelp")}
        </span>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={form.isRegex} onChange={(e) => set("isRegex", e.target.checked)} />
        {t("isRegex")}
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idp}-jobs`}>{t("jobs")}</label>
        <input
          id={`${idp}-jobs`}
          value={form.jobIds}
          onChange={(e) => set("jobIds", e.target.value)}
          aria-describedby={`${idp}-jobs-help`}
          aria-invalid={jobsError}
          inputMode="numeric"
          className={`${input} font-mono`}
        />
        <span id={`${idp}-jobs-help`} className="text-xs text-slate-600">
          {t("jobsHelp")}
        </span>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set("enabled", e.target.checked)} />
        {t("enabled")}
      </label>
      {jobsError || error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {jobsError ? t("invalidJobs") : error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={save.isPending} className={primary}>
          {t("save")}
        </button>
        {ruleId ? (
          <>
            <Link href="/admin/phrase-rules" className="text-sky-700 underline">
              {t("cancel")}
            </Link>
            <span className="ml-auto">
              <DeleteWithConfirm
                text={{
                  button: t("deleteLabel", { name: initial.name }),
                  title: t("deleteLabel", { name: initial.name }),
                  confirm: t("deleteLabel", { name: initial.name }),
                  body: t("deleteConfirm", { name: initial.name }),
                }}
                remove={() => deletePhraseRuleAction({ ruleId })}
                then="/admin/phrase-rules"
                testId="delete-phrase-rule"
              />
            </span>
          </>
        ) : null}
      </div>
    </form>
  );
}
