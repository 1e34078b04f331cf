import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { callsLink, COUNTS, type CountName, type ReconciliationReport } from "@/lib/reconciliation/report";
import { ColumnsHead } from "@/components/ui/columns-head";

/** One row per call day and job; every number links to exactly its records in /calls. */
export async function ReconciliationTable({ report }: { report: ReconciliationReport }) {
  const t = await getTranslations("reconciliation");
  if (!report.rows.length)
    return (
      <p className="rounded border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">{t("empty")}</p>
    );
  const cell = (count: CountName, value: number, scope: { from: string; to: string; job: readonly string[] }) => (
    <td
      key={count}
      data-count={count}
      className={`px-3 py-1.5 text-right tabular-nums ${count === "overdue" && value > 0 ? "font-semibold text-red-700" : ""}`}
    >
      {value > 0 ? (
        <Link
          href={callsLink(count, scope, report.overdueBefore)}
          className="underline decoration-slate-300 hover:decoration-current"
        >
          {value.toLocaleString()}
        </Link>
      ) : (
        <span className="text-slate-400">0</span>
      )}
    </td>
  );
  const countColumns = COUNTS.map((c) => ({ label: t(`counts.${c}`), align: "right" as const, title: t(`help.${c}`) }));
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <ColumnsHead caption={t("title")} columns={[t("day"), t("jobColumn"), ...countColumns]} />
        <tbody className="divide-y divide-slate-100">
          {report.rows.map((r) => (
            <tr key={`${r.day}|${r.jobId}`}>
              <td className="px-3 py-1.5 tabular-nums">{r.day}</td>
              <td className="px-3 py-1.5">
                <Link href={`/jobs/${r.jobId}`} className="underline decoration-slate-300">
                  {r.jobId}
                </Link>
              </td>
              {COUNTS.map((c) => cell(c, r[c], { from: r.day, to: r.day, job: [r.jobId] }))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-300 font-medium">
          <tr>
            <th scope="row" colSpan={2} className="px-3 py-2 text-left">
              {t("total")}
            </th>
            {COUNTS.map((c) => cell(c, report.totals[c], { from: report.from, to: report.to, job: report.job }))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
