"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAccountErrorText } from "@/components/account/account-error";
import { ReauthPrompt } from "@/components/account/reauth-prompt";
import { ActionFailure, unwrap } from "@/components/ui/action-error";
import { useFormat } from "@/components/ui/use-format";
import { endUserSessions, resetPassword, resetTwoFactor, unlockUser } from "@/lib/users/actions";

interface Target {
  id: string;
  email: string;
  locked: boolean;
  twoFactor: boolean;
  mustChangePassword: boolean;
}

type Command = "unlock" | "resetPassword" | "resetTwoFactor" | "endSessions";

export function AccountBadges({ user }: { user: Target }) {
  const t = useTranslations("account.admin");
  return (
    <>
      {user.twoFactor ? (
        <span className="ml-1 rounded bg-emerald-100 px-1 text-xs text-emerald-900">{t("twoFactorOn")}</span>
      ) : null}
      {user.mustChangePassword ? (
        <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("mustChange")}</span>
      ) : null}
    </>
  );
}

/** An admin's account commands on a user: unlock, reset password (shows the one-time link), reset 2FA, sign out everywhere. */
export function AccountAdminActions({ user, self }: { user: Target; self: boolean }) {
  const t = useTranslations("account.admin");
  const errorText = useAccountErrorText();
  const fmt = useFormat();
  const router = useRouter();
  const [reauthFor, setReauthFor] = useState<Command | null>(null);
  const run = useMutation({
    mutationFn: async (command: Command) => {
      const userId = user.id;
      switch (command) {
        case "unlock":
          return { command, data: unwrap(await unlockUser({ userId })) };
        case "resetPassword":
          return { command, data: unwrap(await resetPassword({ userId })) };
        case "resetTwoFactor":
          return { command, data: unwrap(await resetTwoFactor({ userId })) };
        case "endSessions":
          return { command, data: unwrap(await endUserSessions({ userId })) };
      }
    },
    onSuccess: () => router.refresh(),
    onError: (err, command) =>
      setReauthFor(err instanceof ActionFailure && err.code === "reauth_required" ? command : null),
  });
  const ask = (command: Command, question: string | null) => {
    if (question && !window.confirm(question)) return;
    run.mutate(command);
  };
  const button = "mr-2 text-sm font-medium text-sky-700 underline";
  const result = run.data;
  const link = result?.command === "resetPassword" && "path" in result.data ? result.data : null;
  return (
    <div className="mb-1">
      {user.locked ? (
        <button type="button" className={button} disabled={run.isPending} onClick={() => ask("unlock", null)}>
          {t("unlock")}
        </button>
      ) : null}
      {self ? null : (
        <>
          <button
            type="button"
            className={button}
            disabled={run.isPending}
            onClick={() => ask("resetPassword", t("resetPasswordConfirm", { email: user.email }))}
          >
            {t("resetPassword")}
          </button>
          {user.twoFactor ? (
            <button
              type="button"
              className={button}
              disabled={run.isPending}
              onClick={() => ask("resetTwoFactor", t("resetTwoFactorConfirm", { email: user.email }))}
            >
              {t("resetTwoFactor")}
            </button>
          ) : null}
          <button
            type="button"
            className={button}
            disabled={run.isPending}
            onClick={() => ask("endSessions", t("endSessionsConfirm", { email: user.email }))}
          >
            {t("endSessions")}
          </button>
        </>
      )}
      {link ? (
        <div role="status" className="mt-1 max-w-md rounded border border-emerald-300 bg-emerald-50 p-2 text-xs">
          <p>{t("resetLink", { email: user.email, until: fmt.dateTime(link.expiresAt) })}</p>
          <input
            readOnly
            data-testid="reset-link"
            value={`${link.publicUrl ?? window.location.origin}${link.path}`}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 w-full rounded border border-slate-300 px-1 font-mono"
          />
        </div>
      ) : null}
      {result?.command === "endSessions" && "ended" in result.data ? (
        <p role="status" className="text-xs text-emerald-800">
          {t("ended", { count: result.data.ended })}
        </p>
      ) : null}
      {reauthFor ? (
        <ReauthPrompt
          onConfirmed={() => {
            setReauthFor(null);
            run.mutate(reauthFor);
          }}
          onCancel={() => {
            setReauthFor(null);
            run.reset();
          }}
        />
      ) : run.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {errorText(run.error)}
        </p>
      ) : null}
    </div>
  );
}
