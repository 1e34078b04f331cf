import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/auth/actions";
import type { SessionUser } from "@/lib/auth/sessions";

export function UserMenu({ user }: { user: SessionUser }) {
  const t = useTranslations();
  return (
    <form action={signOutAction} className="flex items-center gap-2 text-sm">
      <Link
        href="/account"
        title={t("account.nav.account")}
        className="text-slate-700 hover:underline"
        data-testid="current-user"
      >
        {user.name} <span className="text-xs text-slate-500">({t(`common.roles.${user.role}`)})</span>
      </Link>
      <Link href="/account/tokens" className="text-xs text-sky-700 hover:underline">
        {t("shell.user.tokens")}
      </Link>
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
        {t("shell.user.signOut")}
      </button>
    </form>
  );
}
