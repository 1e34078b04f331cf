"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-parts";
import { createCalibrationAction } from "@/lib/scorecards/actions";

const input = "rounded border border-slate-300 px-2 py-1";

/** A new calibration session: a name, a scorecard version, the calls (by id) and the reviewers. */
export function CalibrationForm({
  versions,
  reviewers,
}: {
  versions: { id: string; label: string }[];
  reviewers: { id: string; name: string; email: string }[];
}) {
  const t = useTranslations("scorecards.calibration");
  const errorText = useErrorText();
  const router = useRouter();
  const [name, setName] = useState("");
  const [versionId, setVersionId] = useState(versions[0]?.id ?? "");
  const [calls, setCalls] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [callsError, setCallsError] = useState(false);
  const create = useMutation({
    mutationFn: async (ids: string[]) =>
      unwrap(await createCalibrationAction({ name, versionId, callRecordIds: ids, reviewerIds: chosen })),
    onSuccess: (data) => router.push(`/review/calibration/${data.id}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ids = calls
      .split(/[,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = ids.length === 0 || !ids.every((id) => /^\d{1,19}$/.test(id));
    setCallsError(bad);
    if (!bad) create.mutate([...new Set(ids)]);
  };
  return (
    <form
      onSubmit={submit}
      aria-labelledby="calibration-create"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="calibration-form"
    >
      <h2 id="calibration-create" className="font-medium">
        {t("create")}
      </h2>
      <TextField label={t("name")} value={name} onChange={setName} maxLength={100} />
      <SelectField
        label={t("version")}
        required
        value={versionId}
        options={versions.map((v) => ({ value: v.id, text: v.label }))}
        onChange={setVersionId}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="calibration-calls">{t("callIds")}</label>
        <textarea
          id="calibration-calls"
          required
          rows={4}
          value={calls}
          onChange={(e) => setCalls(e.target.value)}
          aria-describedby="calibration-calls-help"
          aria-invalid={callsError}
          className={`${input} font-mono`}
        />
        <span id="calibration-calls-help" className="text-xs text-slate-600">
          {t("callIdsHelp")}
        </span>
      </div>
      <fieldset>
        <legend className="mb-1">{t("chooseReviewers")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {reviewers.map((r) => (
            <label key={r.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={chosen.includes(r.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, r.id] : chosen.filter((c) => c !== r.id))}
              />
              {r.name} <span className="text-xs text-slate-500">{r.email}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormError error={callsError ? t("invalidCalls") : create.error ? errorText(create.error) : null} />
      <button
        type="submit"
        disabled={create.isPending || versions.length === 0}
        className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {t("createButton")}
      </button>
    </form>
  );
}
