import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getFormat } from "@/components/ui/get-format";
import { requireUser } from "@/lib/auth/current";
import { listHolds } from "@/lib/legal-holds/data";
import { FramedTable } from "@/components/ui/framed-table";
import { textButton } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("retention.holds"))("title") };
}

const LIMIT = 500;

/** Every legal hold: which record, why, who set it and when (newest first). */
export default async function LegalHoldsPage() {
  await requireUser("holds:read");
  const [{ rows, total }, t, f] = await Promise.all([
    listHolds(LIMIT),
    getTranslations("retention.holds"),
    getFormat(),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        <Link href="/calls?hold=1" className={textButton}>
          {t("inCalls")}
        </Link>
      </div>
      <p className="text-sm text-slate-600">{t("intro", { total })}</p>
      {rows.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <FramedTable
          testId="legal-holds"
          caption={t("title")}
          captionHidden
          columns={(["record", "reason", "by", "at"] as const).map((k) => t(k))}
        >
          {rows.map((h) => (
            <tr key={h.recordId.toString()} className="border-t border-slate-100">
              <td className="px-3 py-1.5 font-mono">
                <Link href={`/calls/${h.callRecordId}`} className="text-sky-700 underline">
                  {h.callRecordId.toString()}
                </Link>
              </td>
              <td className="px-3 py-1.5">{h.reason}</td>
              <td className="px-3 py-1.5">{h.setByEmail ?? "–"}</td>
              <td className="px-3 py-1.5">{f.dateTime(h.setAt)}</td>
            </tr>
          ))}
        </FramedTable>
      )}
      {total > rows.length ? <p className="text-sm text-slate-600">{t("more", { shown: rows.length })}</p> : null}
    </div>
  );
}
