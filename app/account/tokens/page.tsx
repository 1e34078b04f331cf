import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateIngestTokenForm, CreateTokenForm, RevokeButton } from "@/components/account/token-forms";
import { getFormat } from "@/components/ui/get-format";
import { listIngestTokens, listTokens, type TokenListItem } from "@/lib/api-tokens/data";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { BoxedTable } from "@/components/ui/boxed-table";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("tokens"))("title") };
}

/** Personal access tokens of the signed-in user; admins also see everyone's and manage the ingest tokens. */
export default async function TokensPage() {
  const user = await requireUser("calls:read");
  const admin = can(user.role, "users:manage");
  const [mine, all, ingest, fmt, t, tc] = await Promise.all([
    listTokens(user.id),
    admin ? listTokens() : Promise.resolve([]),
    admin ? listIngestTokens() : Promise.resolve([]),
    getFormat(),
    getTranslations("tokens"),
    getTranslations("common.roles"),
  ]);
  const now = new Date();
  const status = (x: { revokedAt: Date | null; expiresAt?: Date | null }) =>
    x.revokedAt ? t("table.revoked") : x.expiresAt && x.expiresAt <= now ? t("table.expired") : t("table.active");

  const tokenTable = (rows: TokenListItem[], caption: string, showOwner: boolean) => (
    <BoxedTable
      caption={caption}
      columns={[
        t("table.name"),
        ...(showOwner ? [t("table.owner")] : []),
        t("table.access"),
        t("table.expires"),
        t("table.lastUsed"),
        t("table.status"),
      ]}
      actions={t("table.actions")}
      empty={rows.length === 0}
      emptyText={t("table.empty")}
    >
      {rows.map((r) => (
        <tr key={r.id.toString()} data-testid="token-row">
          <td className="px-3 py-2">
            {r.name} <span className="font-mono text-xs text-slate-500">…{r.hint}</span>
          </td>
          {showOwner ? <td className="px-3 py-2">{r.owner.email}</td> : null}
          <td className="px-3 py-2">
            {r.readOnly ? t("table.readOnly") : t("table.fullRole", { role: tc(r.owner.role) })}
          </td>
          <td className="px-3 py-2">{r.expiresAt ? fmt.dateTime(r.expiresAt) : t("table.never")}</td>
          <td className="px-3 py-2">{r.lastUsedAt ? fmt.dateTime(r.lastUsedAt) : t("table.never")}</td>
          <td className="px-3 py-2">{status(r)}</td>
          <td className="px-3 py-2">
            {status(r) === t("table.active") ? (
              <RevokeButton kind="personal" tokenId={r.id.toString()} name={r.name} />
            ) : null}
          </td>
        </tr>
      ))}
    </BoxedTable>
  );

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
      {tokenTable(mine, t("table.mine"), false)}
      {admin ? tokenTable(all, t("table.all"), true) : null}
      {admin ? (
        <section className="space-y-3" aria-labelledby="ingest-tokens">
          <h2 id="ingest-tokens" className="text-lg font-semibold">
            {t("ingest.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("ingest.intro")}</p>
          <CreateIngestTokenForm />
          <BoxedTable
            caption={t("ingest.title")}
            captionHidden
            columns={[t("ingest.name"), t("ingest.createdBy"), t("table.lastUsed"), t("table.status")]}
            actions={t("table.actions")}
            empty={ingest.length === 0}
            emptyText={t("ingest.empty")}
          >
            {ingest.map((r) => (
              <tr key={r.id.toString()}>
                <td className="px-3 py-2">
                  {r.name} <span className="font-mono text-xs text-slate-500">…{r.hint}</span>
                </td>
                <td className="px-3 py-2">{r.createdBy}</td>
                <td className="px-3 py-2">{r.lastUsedAt ? fmt.dateTime(r.lastUsedAt) : t("table.never")}</td>
                <td className="px-3 py-2">{status(r)}</td>
                <td className="px-3 py-2">
                  {r.revokedAt ? null : <RevokeButton kind="ingest" tokenId={r.id.toString()} name={r.name} />}
                </td>
              </tr>
            ))}
          </BoxedTable>
        </section>
      ) : null}
    </div>
  );
}
