"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setPasswordWithLinkAction, type SetPasswordState } from "@/lib/auth/step-actions";

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
      <label className="block">
        <span className="text-slate-700">{t("password.new")}</span>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
      </label>
      <label className="block">
        <span className="text-slate-700">{t("password.confirm")}</span>
        <input
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
      </label>
      <p className="text-xs text-slate-600">{t("password.rules")}</p>
      {error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
      >
        {t("password.submit")}
      </button>
    </form>
  );
}
