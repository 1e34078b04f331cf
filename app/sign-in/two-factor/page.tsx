import { getTranslations } from "next-intl/server";
import { TwoFactorSetup } from "@/components/account/two-factor-setup";
import { RequiredStep } from "@/components/auth/required-step";
import { requireStepPage } from "@/lib/auth/current";
import type { SearchParams } from "@/components/ui/page-props";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("account"))("twoFactor.forcedTitle") };
}

/** Roles that must use a second factor (REQUIRE_2FA_ROLES) set it up here before anything else. */
export default async function TwoFactorStepPage({ searchParams }: { searchParams: SearchParams }) {
  const { next } = await requireStepPage("enrol_2fa", searchParams);
  const t = await getTranslations("account.twoFactor");
  return (
    <RequiredStep heading={t("forcedTitle")} intro={t("required")} wide>
      <TwoFactorSetup next={next} />
    </RequiredStep>
  );
}
