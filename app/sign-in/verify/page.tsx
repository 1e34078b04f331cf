import { getTranslations } from "next-intl/server";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { requireStepPage } from "@/lib/auth/current";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("account"))("verify.title") };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await requireStepPage("second_factor", searchParams);
  const t = await getTranslations("account.verify");
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-8">
      <h1 className="text-xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <SecondFactorForm next={next} />
      <BackLink href="/sign-in" underline="always">
        {t("startOver")}
      </BackLink>
    </div>
  );
}
