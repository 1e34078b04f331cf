"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setPasswordWithLinkAction, type SetPasswordState } from "@/lib/auth/step-actions";
import { AuthError, AuthField, AuthSubmit } from "./auth-form-parts";

/** The form of an admin's set-password link (works without JavaScript). */
export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("account");
  const te = useTranslations("account.errors");
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordWithLinkAction, {});
  const key = state.code as Parameters<typeof te.has>[0] | undefined;
  const error = key ? (te.has(key) ? te(key) : state.code) : null;
  return (
    <form action={action} className="space-y-4 text-sm">
      <input type="hidden" name="token" value={token} />
      <AuthField label={t("password.new")} name="password" type="password" autoComplete="new-password" required />
      <AuthField label={t("password.confirm")} name="confirm" type="password" autoComplete="new-password" required />
      <p className="text-xs text-slate-600">{t("password.rules")}</p>
      <AuthError>{error}</AuthError>
      <AuthSubmit pending={pending}>{t("password.submit")}</AuthSubmit>
    </form>
  );
}
