"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { DeleteWithConfirm } from "@/components/ui/delete-with-confirm";
import { archiveScorecardAction, createScorecardAction, updateScorecardAction } from "@/lib/scorecards/actions";
import { scorecardInputSchema, type ScorecardInput } from "@/lib/scorecards/schema";
import { EMPTY_SCORECARD, emptySection, type DraftSection, type ScorecardFormValues } from "./draft";
import { SectionEditor } from "./section-editor";

const input = "rounded border border-slate-300 px-2 py-1";
const primary = "rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-60";

/** The form's values as the action's input; the first problem (with where it is) when they are not one. */
function parse(form: ScorecardFormValues): { input: ScorecardInput } | { problem: string; jobs?: true } {
  const jobIds = form.jobIds
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!jobIds.every((j) => /^\d{1,19}$/.test(j))) return { problem: "", jobs: true };
  const parsed = scorecardInputSchema.safeParse({
    name: form.name,
    jobIds,
    isDefault: form.isDefault,
    sections: form.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({ ...i, weight: /^\d+$/.test(i.weight.trim()) ? Number(i.weight) : NaN })),
    })),
  });
  if (parsed.success) return { input: parsed.data };
  const issue = parsed.error.issues[0]!;
  // "sections.0.items.1.weight" reads as "section 1, item 2, weight" for people.
  const where = issue.path.map((p) => (typeof p === "number" ? String(p + 1) : String(p))).join(" › ");
  return { problem: `${where}: ${issue.message}` };
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
    if ("problem" in r) {
      setProblem("jobs" in r ? t("invalidJobs") : r.problem);
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
    <form
      onSubmit={submit}
      aria-labelledby={`${idp}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="scorecard-form"
      noValidate
    >
      <h2 id={`${idp}-title`} className="font-medium">
        {scorecardId ? t("editTitle", { name: initial.name }) : t("create")}
      </h2>
      <label className="flex flex-col gap-1">
        {t("name")}
        <input
          required
          maxLength={100}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          className={input}
        />
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idp}-jobs`}>{t("jobs")}</label>
        <input
          id={`${idp}-jobs`}
          value={form.jobIds}
          onChange={(e) => setForm({ ...form, jobIds: e.target.value })}
          aria-describedby={`${idp}-jobs-help`}
          inputMode="numeric"
          className={`${input} font-mono`}
        />
        <span id={`${idp}-jobs-help`} className="text-xs text-slate-600">
          {t("jobsHelp")}
        </span>
      </div>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={form.isDefault}
          onChange={(e) => setForm({ ...form, isDefault: e.target.checked })}
        />
        {t("isDefault")}
      </label>
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
      {error ? (
        <p
          role="alert"
          className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800"
          data-testid="scorecard-error"
        >
          {error}
        </p>
      ) : null}
      <p role="status" className="min-h-5 text-emerald-800">
        {saved}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={save.isPending} className={primary}>
          {scorecardId ? t("saveNewVersion") : t("save")}
        </button>
        {scorecardId ? (
          <>
            <Link href="/admin/scorecards" className="text-sky-700 underline">
              {t("cancel")}
            </Link>
            <span className="ml-auto">
              <DeleteWithConfirm
                text={{
                  button: t("archive", { name: initial.name }),
                  title: t("archive", { name: initial.name }),
                  confirm: t("archive", { name: initial.name }),
                  body: t("archiveBody", { name: initial.name }),
                }}
                remove={() => archiveScorecardAction({ scorecardId })}
                then="/admin/scorecards"
                testId="archive-scorecard"
              />
            </span>
          </>
        ) : null}
      </div>
    </form>
  );
}
