"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { saveJobNameAction } from "@/lib/jobs/actions";

/** A supervisor names a job (name, creditor, note) on its page; saved through an audited action. */
export function JobNameEditor({
  jobId,
  initial,
}: {
  jobId: string;
  initial: { name: string; creditor: string; note: string };
}) {
  const t = useTranslations("views.job");
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(initial);
  const save = useMutation({
    mutationFn: async () => unwrap(await saveJobNameAction({ jobId, ...form })),
    onSuccess: () => {
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
          <span role="status" className="text-emerald-700">
            {t("saved")}
          </span>
        ) : null}
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1";
  return (
    <form
      onSubmit={submit}
      aria-label={t("editTitle")}
      className="grid max-w-xl gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
    >
      <label className="block">
        <span className="text-slate-700">{t("name")}</span>
        <input
          name="name"
          value={form.name}
          maxLength={120}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          className={input}
          autoFocus
        />
      </label>
      <label className="block">
        <span className="text-slate-700">{t("creditor")}</span>
        <input
          name="creditor"
          value={form.creditor}
          maxLength={120}
          onChange={(e) => setForm({ ...form, creditor: e.target.value })}
          className={input}
        />
      </label>
      <label className="block">
        <span className="text-slate-700">{t("note")}</span>
        <textarea
          name="note"
          value={form.note}
          maxLength={1000}
          rows={2}
          onChange={(e) => setForm({ ...form, note: e.target.value })}
          className={input}
        />
      </label>
      {save.isError ? (
        <p role="alert" className="text-red-700">
          {errorText(save.error)}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
        >
          {save.isPending ? t("saving") : t("save")}
        </button>
        <button
          type="button"
          onClick={() => {
            setForm(initial);
            setOpen(false);
          }}
          className="rounded border border-slate-300 px-3 py-1"
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
