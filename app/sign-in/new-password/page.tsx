import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { RequiredStep } from "@/components/auth/required-step";
import { requireStepPage } from "@/lib/auth/current";
import type { SearchParams } from "@/components/ui/page-props";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("account"))("first.title") };
}

/** Accounts an admin created or reset choose their own password before anything else. */
export default async function NewPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { next } = await requireStepPage("change_password", searchParams);
  const t = await getTranslations("account.first");
  return (
    <RequiredStep heading={t("heading")} intro={t("intro")}>
      <ChangePasswordForm first next={next} />
    </RequiredStep>
  );
}
