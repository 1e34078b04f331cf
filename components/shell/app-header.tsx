import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { currentUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { gatewayInfo } from "@/lib/gateway/info";
import { GatewayBadge } from "./gateway-badge";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";

export async function AppHeader() {
  await connection(); // configuration is read at request time, not baked in at build
  const gateway = await gatewayInfo();
  const user = await currentUser();
  const t = await getTranslations("shell");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded bg-sky-700 text-xs font-bold text-white">
            LVR
          </span>
          {t("home")}
        </Link>
        {user ? (
          <MainNav
            admin={can(user.role, "users:manage")}
            supervisor={can(user.role, "reconciliation:read")}
            reviewer={can(user.role, "quality:read")}
          />
        ) : null}
        <div className="ml-auto flex items-center gap-4">
          <GatewayBadge gateway={gateway} />
          <LanguageSwitch />
          {user ? <UserMenu user={user} /> : null}
        </div>
      </div>
    </header>
  );
}
