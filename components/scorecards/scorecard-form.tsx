"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { CheckboxField, TextField } from "@/components/ui/form-controls";
import { EditForm, FormActions, FormError, JobIdsField } from "@/components/ui/form-parts";
import { archiveScorecardAction, createScorecardAction, updateScorecardAction } from "@/lib/scorecards/actions";
import { scorecardInputSchema, type ScorecardInput } from "@/lib/scorecards/schema";
import type { z } from "zod";
import { EMPTY_SCORECARD, emptySection, type DraftSection, type ScorecardFormValues } from "./draft";
import { describeScorecardProblem } from "./scorecard-problem";
import { SectionEditor } from "./section-editor";

type Translate = Parameters<typeof describeScorecardProblem>[1];

/** The form's values as the action's input; the first problem when they are not one. */
function parse(form: ScorecardFormValues): { input: ScorecardInput } | { issue: z.core.$ZodIssue } | { jobs: true } {
  const jobIds = form.jobIds
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!jobIds.every((j) => /^\d{1,19}$/.test(j))) return { jobs: true };
  const parsed = scorecardInputSchema.safeParse({
    name: form.name,
    jobIds,
    isDefault: form.isDefault,
    sections: form.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({ ...i, weight: /^\d+$/.test(i.weight.trim()) ? Number(i.weight) : NaN })),
    })),
  });
  return parsed.success ? { input: parsed.data } : { issue: parsed.error.issues[0]! };
}

/** Creates a scorecard (no `scorecardId`) or edits one: a new version when its items change. Archives it too. */
export function ScorecardForm({ scorecardId, initial }: { scorecardId?: string; initial: ScorecardFormValues }) {
  const t = useTranslations("scorecards.admin");
  const errorText = useErrorText();
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (card: ScorecardInput) =>
      unwrap(
        scorecardId ? await updateScorecardAction({ scorecardId, scorecard: card }) : await createScorecardAction(card),
      ),
    onSuccess: (data) => {
      setSaved(t("saved", { version: data.version }));
      if (!scorecardId) setForm(EMPTY_SCORECARD);
      router.refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const r = parse(form);
    if ("jobs" in r || "issue" in r) {
      setProblem("jobs" in r ? t("invalidJobs") : describeScorecardProblem(r.issue, t as Translate));
      return;
    }
    setProblem(null);
    save.mutate(r.input);
  };
  const setSection = (i: number, s: DraftSection) =>
    setForm((f) => ({ ...f, sections: f.sections.map((x, k) => (k === i ? s : x)) }));
  const error = problem ?? (save.error ? errorText(save.error) : null);
  const idp = scorecardId ? `scorecard-${scorecardId}` : "scorecard-new";
  return (
    <EditForm
      id={idp}
      title={scorecardId ? t("editTitle", { name: initial.name }) : t("create")}
      testId="scorecard-form"
      noValidate
      onSubmit={submit}
    >
      <TextField label={t("name")} value={form.name} onChange={(name) => setForm({ ...form, name })} maxLength={100} />
      <JobIdsField
        id={idp}
        label={t("jobs")}
        help={t("jobsHelp")}
        value={form.jobIds}
        onChange={(jobIds) => setForm({ ...form, jobIds })}
      />
      <CheckboxField
        label={t("isDefault")}
        checked={form.isDefault}
        onChange={(isDefault) => setForm({ ...form, isDefault })}
      />
      {form.sections.map((s, i) => (
        <SectionEditor
          key={i}
          index={i}
          section={s}
          onChange={(next) => setSection(i, next)}
          onRemove={
            form.sections.length > 1
              ? () => setForm((f) => ({ ...f, sections: f.sections.filter((_, k) => k !== i) }))
              : null
          }
        />
      ))}
      <button
        type="button"
        onClick={() => setForm((f) => ({ ...f, sections: [...f.sections, emptySection()] }))}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
      >
        {t("addSection")}
      </button>
      <FormError error={error} testId="scorecard-error" />
      <p role="status" className="min-h-5 text-emerald-800">
        {saved}
      </p>
      <FormActions
        saveLabel={scorecardId ? t("saveNewVersion") : t("save")}
        pending={save.isPending}
        editing={
          scorecardId
            ? {
                listHref: "/admin/scorecards",
                cancelLabel: t("cancel"),
                remove: {
                  label: t("archive", { name: initial.name }),
                  body: t("archiveBody", { name: initial.name }),
                  action: () => archiveScorecardAction({ scorecardId }),
                  testId: "archive-scorecard",
                },
              }
            : undefined
        }
      />
    </EditForm>
  );
}
