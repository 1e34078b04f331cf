import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getFormat } from "@/components/ui/get-format";
import type { ReconciliationReport } from "@/lib/reconciliation/report";
import { TableHead, Th } from "@/components/ui/table";
import { TitledSection } from "@/components/ui/titled-section";

/** Silences of a job inside calling hours (lib/reconciliation/gaps.ts): a platform that stopped pushing shows here the same day. */
export async function ReconciliationGaps({ report }: { report: ReconciliationReport }) {
  const [t, f] = await Promise.all([getTranslations("reconciliation.gaps"), getFormat()]);
  return (
    <TitledSection id="gaps-title" title={t("title")} className="space-y-2" titleClassName="text-base font-semibold">
      <p className="text-sm text-slate-600">{t("intro", { minutes: report.gapMinutes, hours: report.callingHours })}</p>
      {report.gaps.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="no-gaps">
          {t("none")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded border border-amber-300 bg-white">
          <table className="min-w-full text-sm" data-testid="gaps">
            <caption className="sr-only">{t("title")}</caption>
            <TableHead tone="warning">
              <tr>
                <Th>{t("job")}</Th>
                <Th>{t("from")}</Th>
                <Th>{t("to")}</Th>
                <Th align="right">{t("minutes")}</Th>
              </tr>
            </TableHead>
            <tbody>
              {report.gaps.map((g) => (
                <tr key={`${g.jobId}-${g.from}`} className="border-t border-slate-100">
                  <td className="px-3 py-1.5 font-mono">
                    <Link
                      href={`/calls?job=${g.jobId}&from=${g.day}&to=${g.day}&sort=start_time`}
                      className="underline decoration-slate-300 hover:decoration-current"
                    >
                      {g.jobId}
                    </Link>
                  </td>
                  <td className="px-3 py-1.5">{f.dateTime(g.from)}</td>
                  <td className="px-3 py-1.5">{f.dateTime(g.to)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums font-semibold text-amber-800">
                    {f.count(g.minutes)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </TitledSection>
  );
}
