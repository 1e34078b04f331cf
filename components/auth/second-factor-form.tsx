"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { secondFactorAction, type SecondFactorState } from "@/lib/auth/step-actions";
import { AuthError, AuthField, AuthSubmit, useLockoutValues } from "./auth-form-parts";

/** The sign-in's second step (works without JavaScript). */
export function SecondFactorForm({ next }: { next: string }) {
  const t = useTranslations("account.verify");
  const [state, action, pending] = useActionState<SecondFactorState, FormData>(secondFactorAction, {});
  const lockout = useLockoutValues(state);
  const error = state.code ? t(`errors.${state.code}`, lockout) : null;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <AuthField
        label={t("code")}
        name="code"
        autoComplete="one-time-code"
        required
        autoFocus
        maxLength={40}
        className="font-mono"
      />
      <AuthError>{error}</AuthError>
      <AuthSubmit pending={pending}>{pending ? t("pending") : t("submit")}</AuthSubmit>
    </form>
  );
}
