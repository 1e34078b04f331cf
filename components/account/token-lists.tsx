import { getTranslations } from "next-intl/server";
import { BoxedTable } from "@/components/ui/boxed-table";
import { getFormat } from "@/components/ui/get-format";
import { TitledSection } from "@/components/ui/titled-section";
import type { listIngestTokens, TokenListItem } from "@/lib/api-tokens/data";
import { CreateIngestTokenForm, RevokeButton } from "./token-forms";

/**
 * The lists of /account/tokens: the signed-in user's personal access tokens;
 * for an admin (`all` and `ingest` given) also everyone's, and the ingest
 * tokens with the form for a new one.
 */
export async function TokenLists({
  mine,
  all,
  ingest,
}: {
  mine: TokenListItem[];
  all: TokenListItem[] | null;
  ingest: Awaited<ReturnType<typeof listIngestTokens>> | null;
}) {
  const [fmt, t, tc] = await Promise.all([getFormat(), getTranslations("tokens"), getTranslations("common.roles")]);
  const now = new Date();
  const status = (x: { revokedAt: Date | null; expiresAt?: Date | null }) =>
    x.revokedAt ? t("table.revoked") : x.expiresAt && x.expiresAt <= now ? t("table.expired") : t("table.active");
  const ingestTitle = t("ingest.title");

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
    <>
      {tokenTable(mine, t("table.mine"), false)}
      {all ? tokenTable(all, t("table.all"), true) : null}
      {ingest ? (
        <TitledSection
          id="ingest-tokens"
          title={ingestTitle}
          titleClassName="text-lg font-semibold"
          className="space-y-3"
        >
          <p className="text-sm text-slate-600">{t("ingest.intro")}</p>
          <CreateIngestTokenForm />
          <BoxedTable
            caption={ingestTitle}
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
        </TitledSection>
      ) : null}
    </>
  );
}
