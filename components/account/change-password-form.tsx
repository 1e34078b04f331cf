"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ActionFailure, unwrap } from "@/components/ui/action-error";
import { changePassword, setFirstPassword } from "@/lib/account/actions";
import { useAccountErrorText } from "./account-error";

/** The account page's password change, or (`first`) the first-sign-in step, which goes on to `next`. */
export function ChangePasswordForm({ first, next }: { first?: boolean; next?: string }) {
  const t = useTranslations("account.password");
  const errorText = useAccountErrorText();
  const empty = { current: "", next: "", confirm: "" };
  const [form, setForm] = useState(empty);
  const change = useMutation({
    mutationFn: async () => {
      if (form.next !== form.confirm) throw new ActionFailure("password_mismatch", "mismatch");
      return unwrap(
        first
          ? await setFirstPassword({ next: form.next })
          : await changePassword({ current: form.current, next: form.next }),
      );
    },
    onSuccess: () => {
      setForm(empty);
      // A full load: the shell (header, navigation) was drawn for a session that still owed this step.
      if (first) window.location.assign(next ?? "/");
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  const field = (key: keyof typeof empty, label: string, autoComplete: string) => (
    <label className="flex flex-col gap-1">
      {label}
      <input
        type="password"
        required
        autoComplete={autoComplete}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        className="rounded border border-slate-300 px-2 py-1"
      />
    </label>
  );
  return (
    <form onSubmit={submit} aria-label={t("heading")} className="max-w-sm space-y-3 text-sm">
      {first ? null : field("current", t("current"), "current-password")}
      {field("next", t("new"), "new-password")}
      {field("confirm", t("confirm"), "new-password")}
      <p className="text-xs text-slate-600">{t("rules")}</p>
      {change.isError ? (
        <p role="alert" className="text-red-700">
          {errorText(change.error)}
        </p>
      ) : null}
      {change.isSuccess && !first ? (
        <p role="status" className="text-emerald-800">
          {t("done", { count: change.data.sessionsEnded })}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={change.isPending}
        className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
      >
        {change.isPending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
