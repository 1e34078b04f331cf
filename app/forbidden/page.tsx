import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("common.forbidden"))("title") };
}

export default async function ForbiddenPage() {
  const user = await currentUser();
  const t = await getTranslations("common");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">{t("forbidden.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {user ? t("forbidden.role", { role: t(`roles.${user.role}`) }) : t("forbidden.signInFirst")}
      </p>
      <Link href={user ? "/" : "/sign-in"} className="mt-4 inline-block text-sm font-medium text-sky-700 hover:underline">
        {user ? t("backToOverview") : t("signIn")}
      </Link>
    </div>
  );
}
