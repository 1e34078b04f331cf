import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DetailPage } from "@/components/ui/detail-page";
import { getFormat } from "@/components/ui/get-format";
import type { IdPageProps } from "@/components/ui/page-props";
import { MissingParamNotice } from "@/components/ui/missing-param-notice";
import { requirePageRecord } from "@/components/ui/page-record";
import { getScorecard } from "@/lib/scorecards/data";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("scorecards.admin"))("history") };
}

/** /admin/scorecards/<id>[?v=<version>]: a scorecard's versions, and one of them read-only (the latest by default). */
export default async function ScorecardVersionsPage({ params, searchParams }: IdPageProps) {
  const { record: card } = await requirePageRecord("scorecards:manage", params, getScorecard);
  const [t, fmt] = await Promise.all([getTranslations("scorecards.admin"), getFormat()]);
  const v = (await searchParams).v;
  const asked = card.versions.find((x) => String(x.version) === v);
  const shown = asked ?? card.versions[0]!;
  return (
    <DetailPage back={{ href: "/admin/scorecards", label: t("backToList") }}>
      <MissingParamNotice param="v" value={v} found={asked !== undefined} kind="other" />
      <h1 className="text-xl font-semibold tracking-tight">
        {t("versionTitle", { name: card.name, version: shown.version })}
      </h1>
      <nav aria-label={t("history")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {card.versions.map((x) => (
            <li key={x.id}>
              <Link
                href={`/admin/scorecards/${card.id}?v=${x.version}`}
                aria-current={x.version === shown.version ? "page" : undefined}
                className={`rounded border px-2 py-0.5 ${x.version === shown.version ? "border-sky-700 bg-sky-50 font-medium" : "border-slate-300"}`}
              >
                v{x.version}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="text-sm text-slate-600">
        {t("versionMeta", { at: fmt.dateTime(new Date(shown.createdAt)), by: shown.createdBy ?? "–" })} ·{" "}
        {t("readOnly")}
      </p>
      {shown.sections.map((s) => (
        <section key={s.key} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <h2 className="font-medium">
            {s.title} <span className="font-mono text-xs text-slate-500">{s.key}</span>
          </h2>
          <table className="mt-2 min-w-full">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                {(["itemKey", "itemLabel", "kind", "weight", "critical"] as const).map((c) => (
                  <th key={c} scope="col" className="py-1 pr-3">
                    {t(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.items.map((i) => (
                <tr key={i.key} data-testid="version-item">
                  <td className="py-1 pr-3 font-mono text-xs">{i.key}</td>
                  <td className="py-1 pr-3">{i.label}</td>
                  <td className="py-1 pr-3">{t(`kinds.${i.kind}`)}</td>
                  <td className="py-1 pr-3 tabular-nums">{i.weight}</td>
                  <td className="py-1 pr-3">{i.critical ? t("yes") : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </DetailPage>
  );
}
