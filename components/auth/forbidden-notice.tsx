import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current";

/** What a page says to someone whose role may not see it (app/forbidden.tsx answers it with 403). */
export async function ForbiddenNotice() {
  const user = await currentUser();
  const t = await getTranslations("common");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">{t("forbidden.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {user ? t("forbidden.role", { role: t(`roles.${user.role}`) }) : t("forbidden.signInFirst")}
      </p>
      <Link
        href={user ? "/" : "/sign-in"}
        className="mt-4 inline-block text-sm font-medium text-sky-700 hover:underline"
      >
        {user ? t("backToOverview") : t("signIn")}
      </Link>
    </div>
  );
}
