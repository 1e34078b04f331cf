"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ActionFailure, unwrap } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { PendingSubmit } from "@/components/ui/pending-submit";
import { StackedInput } from "@/components/ui/form-controls";
import { changePassword, setFirstPassword } from "@/lib/account/actions";
import { useAccountErrorText } from "./account-error";

/** An account step's main button. */
const submitClass = "rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400";

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
    <StackedInput
      label={label}
      type="password"
      required
      autoComplete={autoComplete}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
    />
  );
  return (
    <form onSubmit={submit} aria-label={t("heading")} className="max-w-sm space-y-3 text-sm">
      {first ? null : field("current", t("current"), "current-password")}
      {field("next", t("new"), "new-password")}
      {field("confirm", t("confirm"), "new-password")}
      <p className="text-xs text-slate-600">{t("rules")}</p>
      <FailureLine error={change.error} text={errorText} />
      {change.isSuccess && !first ? (
        <p role="status" className="text-emerald-800">
          {t("done", { count: change.data.sessionsEnded })}
        </p>
      ) : null}
      <PendingSubmit pending={change.isPending} busy={t("pending")} className={submitClass}>
        {t("submit")}
      </PendingSubmit>
    </form>
  );
}
