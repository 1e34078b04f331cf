import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateIngestTokenForm, CreateTokenForm, RevokeButton } from "@/components/account/token-forms";
import { getFormat } from "@/components/ui/get-format";
import { listIngestTokens, listTokens, type TokenListItem } from "@/lib/api-tokens/data";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { TableHead, Th } from "@/components/ui/table";

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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="px-3 py-2 text-left font-medium">{caption}</caption>
        <TableHead>
          <tr>
            <Th>{t("table.name")}</Th>
            {showOwner ? <Th>{t("table.owner")}</Th> : null}
            <Th>{t("table.access")}</Th>
            <Th>{t("table.expires")}</Th>
            <Th>{t("table.lastUsed")}</Th>
            <Th>{t("table.status")}</Th>
            <Th>
              <span className="sr-only">{t("table.actions")}</span>
            </Th>
          </tr>
        </TableHead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={7} className="px-3 py-4 text-slate-500">
                {t("table.empty")}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
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
            ))
          )}
        </tbody>
      </table>
    </div>
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
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <TableHead>
                <tr>
                  <Th>{t("ingest.name")}</Th>
                  <Th>{t("ingest.createdBy")}</Th>
                  <Th>{t("table.lastUsed")}</Th>
                  <Th>{t("table.status")}</Th>
                  <Th>
                    <span className="sr-only">{t("table.actions")}</span>
                  </Th>
                </tr>
              </TableHead>
              <tbody className="divide-y divide-slate-100">
                {ingest.length === 0 ? (
                  <tr>
                    <td colSpan={5} className="px-3 py-4 text-slate-500">
                      {t("ingest.empty")}
                    </td>
                  </tr>
                ) : (
                  ingest.map((r) => (
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
                  ))
                )}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
