"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { AuthError, AuthField, AuthSubmit, useLockoutValues } from "./auth-form-parts";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const lockout = useLockoutValues(state);
  const error = state.code ? t(`errors.${state.code}`, lockout) : state.error;
  return (
    <form action={action} className="space-y-4" aria-describedby={error ? "sign-in-error" : undefined}>
      <input type="hidden" name="next" value={next} />
      <AuthField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.email}
      />
      <AuthField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <AuthError id="sign-in-error">{error}</AuthError>
      <AuthSubmit pending={pending}>{pending ? t("pending") : t("submit")}</AuthSubmit>
    </form>
  );
}
