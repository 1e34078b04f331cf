"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ActionFailure, unwrap, useErrorText } from "@/components/ui/action-error";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { EditForm, FormActions, FormError, JobIdsField } from "@/components/ui/form-parts";
import { createPhraseRuleAction, deletePhraseRuleAction, updatePhraseRuleAction } from "@/lib/transcripts/actions";
import { PHRASE_RULE_KINDS, PHRASE_SPEAKERS, type PhraseRuleInput } from "@/lib/transcripts/rule-schema";

const input = "rounded border border-slate-300 px-2 py-1";

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
    <EditForm id={idp} title={ruleId ? t("edit") : t("create")} testId="phrase-rule-form" onSubmit={submit}>
      <TextField label={t("name")} value={form.name} onChange={(name) => set("name", name)} maxLength={100} />
      <div className="flex flex-wrap gap-4">
        <SelectField
          label={t("kind")}
          value={form.kind}
          options={PHRASE_RULE_KINDS.map((k) => ({ value: k, text: t(`kinds.${k}`) }))}
          onChange={(kind) => set("kind", kind as PhraseRuleInput["kind"])}
        />
        <SelectField
          label={t("speaker")}
          value={form.speaker}
          options={PHRASE_SPEAKERS.map((s) => ({ value: s, text: t(`speakers.${s}`) }))}
          onChange={(speaker) => set("speaker", speaker as PhraseRuleInput["speaker"])}
        />
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
      <CheckboxField label={t("isRegex")} checked={form.isRegex} onChange={(isRegex) => set("isRegex", isRegex)} />
      <JobIdsField
        id={idp}
        label={t("jobs")}
        help={t("jobsHelp")}
        value={form.jobIds}
        onChange={(jobIds) => set("jobIds", jobIds)}
        invalid={jobsError}
      />
      <CheckboxField label={t("enabled")} checked={form.enabled} onChange={(enabled) => set("enabled", enabled)} />
      <FormError error={jobsError ? t("invalidJobs") : error} />
      <FormActions
        saveLabel={t("save")}
        pending={save.isPending}
        editing={
          ruleId
            ? {
                listHref: "/admin/phrase-rules",
                cancelLabel: t("cancel"),
                remove: {
                  label: t("deleteLabel", { name: initial.name }),
                  body: t("deleteConfirm", { name: initial.name }),
                  action: () => deletePhraseRuleAction({ ruleId }),
                  testId: "delete-phrase-rule",
                },
              }
            : undefined
        }
      />
    </EditForm>
  );
}
