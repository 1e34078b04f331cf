import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { resetLinkAccount } from "@/lib/auth/reset-link";
import type { SearchParams } from "@/components/ui/page-props";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("account"))("setPassword.title") };
}

/** An admin's one-time set-password link (no session needed: the link is the proof). */
export default async function SetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const account = token ? await resetLinkAccount(token) : null;
  const t = await getTranslations("account.setPassword");
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-8">
      <h1 className="text-xl font-semibold tracking-tight">{t("heading")}</h1>
      {account ? (
        <>
          <p className="text-sm text-slate-700">{t("intro", { email: account.email })}</p>
          <SetPasswordForm token={token} />
        </>
      ) : (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("invalid")}{" "}
          <Link href="/sign-in" className="text-sky-700 underline">
            /sign-in
          </Link>
        </p>
      )}
    </div>
  );
}
