import { getTranslations } from "next-intl/server";
import { TwoFactorSetup } from "@/components/account/two-factor-setup";
import { signOutAction } from "@/lib/auth/actions";
import { requireStep } from "@/lib/auth/current";
import { nextPath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("account"))("twoFactor.forcedTitle") };
}

/** Roles that must use a second factor (REQUIRE_2FA_ROLES) set it up here before anything else. */
export default async function TwoFactorStepPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = nextPath((await searchParams).next);
  await requireStep("enrol_2fa", next);
  const t = await getTranslations("account.twoFactor");
  const tc = await getTranslations();
  return (
    <div className="mx-auto max-w-md space-y-6 pt-8 text-sm">
      <h1 className="text-xl font-semibold tracking-tight">{t("forcedTitle")}</h1>
      <p className="text-slate-700">{t("required")}</p>
      <TwoFactorSetup next={next} />
      <form action={signOutAction}>
        <button type="submit" className="text-sm text-sky-700 underline">
          {tc("shell.user.signOut")}
        </button>
      </form>
    </div>
  );
}
