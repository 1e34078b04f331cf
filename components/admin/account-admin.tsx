"use client";

import { useTranslations } from "next-intl";
import { useAccountErrorText } from "@/components/account/account-error";
import { useRefreshingMutation } from "@/components/account/use-refreshing-mutation";
import { unwrap } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { useFormat } from "@/components/ui/use-format";
import { endUserSessions, resetPassword, resetTwoFactor, unlockUser } from "@/lib/users/actions";
import { textButton } from "@/components/ui/styles";

interface Target {
  id: string;
  email: string;
  locked: boolean;
  twoFactor: boolean;
  mustChangePassword: boolean;
}

const COMMANDS = ["unlock", "resetPassword", "resetTwoFactor", "endSessions"] as const;
type Command = (typeof COMMANDS)[number];

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
  const { mutation: run, reauth } = useRefreshingMutation(async (command: Command) => {
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
  });
  // Unlocking only undoes a lockout; the others take something away, so they ask first.
  const ask = (command: Command) => {
    if (command !== "unlock" && !window.confirm(t(`${command}Confirm`, { email: user.email }))) return;
    run.mutate(command);
  };
  // Unlock when locked; the others never on oneself, and a 2FA reset only where there is one.
  const commands = COMMANDS.filter((c) =>
    c === "unlock" ? user.locked : !self && (c !== "resetTwoFactor" || user.twoFactor),
  );
  const button = `mr-2 ${textButton}`;
  const result = run.data;
  const link = result?.command === "resetPassword" && "path" in result.data ? result.data : null;
  return (
    <div className="mb-1">
      {commands.map((command) => (
        <button key={command} type="button" className={button} disabled={run.isPending} onClick={() => ask(command)}>
          {t(command)}
        </button>
      ))}
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
      {reauth.prompt(
        (command) => run.mutate(command),
        () => run.reset(),
      )}
      <FailureLine error={reauth.needed ? null : run.error} text={errorText} className="text-xs text-red-700" />
    </div>
  );
}
