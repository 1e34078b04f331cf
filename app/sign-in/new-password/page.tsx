import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { signOutAction } from "@/lib/auth/actions";
import { requireStep } from "@/lib/auth/current";
import { nextPath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("account"))("first.title") };
}

/** Accounts an admin created or reset choose their own password before anything else. */
export default async function NewPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = nextPath((await searchParams).next);
  await requireStep("change_password", next);
  const t = await getTranslations("account.first");
  const tc = await getTranslations();
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-8">
      <h1 className="text-xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ChangePasswordForm first next={next} />
      <form action={signOutAction}>
        <button type="submit" className="text-sm text-sky-700 underline">
          {tc("shell.user.signOut")}
        </button>
      </form>
    </div>
  );
}
