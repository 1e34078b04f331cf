import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/components/account/token-forms";
import { TokenLists } from "@/components/account/token-lists";
import { listIngestTokens, listTokens } from "@/lib/api-tokens/data";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("tokens"))("title") };
}

/** Personal access tokens of the signed-in user; admins also see everyone's and manage the ingest tokens. */
export default async function TokensPage() {
  const { id, role } = await requireUser("calls:read");
  const admin = can(role, "users:manage");
  const [mine, all, ingest, t] = await Promise.all([
    listTokens(id),
    admin ? listTokens() : null,
    admin ? listIngestTokens() : null,
    getTranslations("tokens"),
  ]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-slate-600">
          {t("intro")}{" "}
          <Link href="/api-docs" className="text-sky-700 underline">
            {t("docs")}
          </Link>
        </p>
      </header>
      <CreateTokenForm />
      <TokenLists mine={mine} all={all} ingest={ingest} />
    </div>
  );
}
