import { getTranslations } from "next-intl/server";
import { ConfirmIdentity } from "@/components/account/confirm-identity";
import { requireUser } from "@/lib/auth/current";
import { nextPath } from "@/lib/auth/next-path";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("account"))("reauth.heading") };
}

/** Where a sensitive link (an unmasked export) sends people whose last proof of identity is old. */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  await requireUser("account:self");
  const next = nextPath((await searchParams).next);
  const t = await getTranslations("account.reauth");
  return (
    <div className="mx-auto max-w-sm space-y-4 pt-8">
      <h1 className="text-xl font-semibold tracking-tight">{t("heading")}</h1>
      <ConfirmIdentity next={next} />
    </div>
  );
}
