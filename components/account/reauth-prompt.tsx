"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { unwrap } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { StackedInput } from "@/components/ui/form-controls";
import { confirmIdentity } from "@/lib/account/actions";
import { useAccountErrorText } from "./account-error";
import { SubmitAndCancel } from "@/components/ui/pending-submit";

/**
 * Shown when a sensitive action answered `reauth_required`: the password or a
 * code again, then `onConfirmed` (which retries the action).
 */
export function ReauthPrompt({ onConfirmed, onCancel }: { onConfirmed: () => void; onCancel: () => void }) {
  const t = useTranslations("account.reauth");
  const errorText = useAccountErrorText();
  const [secret, setSecret] = useState("");
  const confirm = useMutation({
    mutationFn: async () => unwrap(await confirmIdentity({ secret })),
    onSuccess: () => {
      setSecret("");
      onConfirmed();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  return (
    <form
      onSubmit={submit}
      role="dialog"
      aria-label={t("heading")}
      className="mt-2 space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <p className="font-medium">{t("heading")}</p>
      <p>{t("intro")}</p>
      <StackedInput
        label={t("secret")}
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
      />
      <FailureLine error={confirm.error} text={errorText} />
      <SubmitAndCancel
        pending={confirm.isPending}
        className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
        submit={t("submit")}
        cancel={t("cancel")}
        onCancel={onCancel}
      />
    </form>
  );
}
