"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormat } from "@/components/ui/use-format";
import { secondFactorAction, type SecondFactorState } from "@/lib/auth/step-actions";

/** The sign-in's second step (works without JavaScript). */
export function SecondFactorForm({ next }: { next: string }) {
  const t = useTranslations("account.verify");
  const fmt = useFormat();
  const [state, action, pending] = useActionState<SecondFactorState, FormData>(secondFactorAction, {});
  const error = state.code
    ? t(`errors.${state.code}`, {
        max: state.maxFailures ?? 0,
        until: state.lockedUntil ? `${fmt.dateTime(state.lockedUntil)} (${fmt.timeZone})` : "",
      })
    : null;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <label className="block text-sm">
        <span className="text-slate-700">{t("code")}</span>
        <input
          name="code"
          autoComplete="one-time-code"
          required
          autoFocus
          maxLength={40}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 font-mono"
        />
      </label>
      {error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
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
