"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { unwrap } from "@/components/ui/action-error";
import { saveJobNameAction } from "@/lib/jobs/actions";
import { checkCallingHours, type CallingHoursProblem } from "@/lib/compliance/hours";
import { SubmitAndCancel } from "@/components/ui/pending-submit";
import { FailureLine } from "@/components/ui/failure-line";
import { BlockLabel } from "@/components/ui/form-controls";

/**
 * A supervisor names a job (name, creditor, note) and sets its calling window
 * on its page; saved through an audited action. A changed window queues a
 * recheck of the job's stored calls, which the page then says.
 */
export function JobNameEditor({
  jobId,
  initial,
  defaultHours,
  timeZone,
}: {
  jobId: string;
  initial: { name: string; creditor: string; note: string; callingHours: string };
  /** COMPLIANCE_CALLING_HOURS, which a blank window means. */
  defaultHours: string;
  timeZone: string;
}) {
  const t = useTranslations("views.job");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(initial);
  const [hoursProblem, setHoursProblem] = useState<CallingHoursProblem | null>(null);
  const save = useMutation({
    mutationFn: async () => unwrap(await saveJobNameAction({ jobId, ...form })),
    onSuccess: (saved) => {
      // As stored (trimmed, the window normalised), for the next time the form opens.
      setForm({
        name: saved.name ?? "",
        creditor: saved.creditor ?? "",
        note: saved.note ?? "",
        callingHours: saved.callingHours ?? "",
      });
      setOpen(false);
      router.refresh();
    },
  });
  if (!open) {
    return (
      <div className="flex items-center gap-3 text-sm">
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50"
          data-testid="job-name-edit"
        >
          {t("edit")}
        </button>
        {save.isSuccess ? (
          <span role="status" className="text-emerald-700" data-testid="job-saved">
            {t("saved")}
            {save.data.recheckQueued ? ` ${t("hoursRecheck")}` : null}
          </span>
        ) : null}
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Said here in the user's language; the server refuses the same values.
    const hours = form.callingHours.trim() === "" ? null : checkCallingHours(form.callingHours);
    setHoursProblem(hours && !hours.ok ? hours.problem : null);
    if (hours && !hours.ok) return;
    save.mutate();
  };
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1";
  const bind = (key: keyof typeof form) => ({
    name: key,
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value }),
    className: input,
  });
  return (
    <form
      onSubmit={submit}
      aria-label={t("editTitle")}
      className="grid max-w-xl gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
    >
      <BlockLabel labelClassName="text-slate-700" label={t("name")}>
        <input {...bind("name")} maxLength={120} autoFocus />
      </BlockLabel>
      <BlockLabel labelClassName="text-slate-700" label={t("creditor")}>
        <input {...bind("creditor")} maxLength={120} />
      </BlockLabel>
      <BlockLabel labelClassName="text-slate-700" label={t("note")}>
        <textarea {...bind("note")} maxLength={1000} rows={2} />
      </BlockLabel>
      <div className="block">
        <label htmlFor={`job-${jobId}-hours`} className="text-slate-700">
          {t("callingHours")}
        </label>
        <input
          id={`job-${jobId}-hours`}
          {...bind("callingHours")}
          maxLength={40}
          placeholder={defaultHours}
          aria-describedby={`job-${jobId}-hours-help`}
          aria-invalid={hoursProblem !== null}
          className={`${input} font-mono`}
        />
        <span id={`job-${jobId}-hours-help`} className="mt-1 block text-xs text-slate-600">
          {t("callingHoursHelp", { timeZone, default: defaultHours })}
        </span>
      </div>
      {hoursProblem ? (
        <p role="alert" className="text-red-700" data-testid="calling-hours-error">
          {t(`callingHoursProblem.${hoursProblem}`)}
        </p>
      ) : null}
      <FailureLine error={save.error} />
      <SubmitAndCancel
        pending={save.isPending}
        busy={t("saving")}
        className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
        submit={t("save")}
        cancel={t("cancel")}
        onCancel={() => {
          setForm(initial);
          setOpen(false);
        }}
      />
    </form>
  );
}
