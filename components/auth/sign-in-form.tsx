"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormat } from "@/components/ui/use-format";
import { signInAction, type SignInState } from "@/lib/auth/actions";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const fmt = useFormat();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const error = state.code
    ? t(`errors.${state.code}`, {
        max: state.maxFailures ?? 0,
        until: state.lockedUntil ? `${fmt.dateTime(state.lockedUntil)} (${fmt.timeZone})` : "",
      })
    : state.error;
  return (
    <form action={action} className="space-y-4" aria-describedby={error ? "sign-in-error" : undefined}>
      <input type="hidden" name="next" value={next} />
      <label className="block text-sm">
        <span className="text-slate-700">{t("email")}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">{t("password")}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
      </label>
      {error ? (
        <p id="sign-in-error" role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
      >
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
