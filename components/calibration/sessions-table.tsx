import { useTranslations } from "next-intl";
import Link from "next/link";
import { ColumnsHead } from "@/components/ui/columns-head";
import type { CalibrationSessionRow } from "@/lib/scorecards/calibration-data";

/** The calibration sessions, for supervisors: each with its scorecard, size and how far along it is. */
export function CalibrationSessionsTable({ sessions }: { sessions: CalibrationSessionRow[] }) {
  const t = useTranslations("scorecards.calibration");
  return (
    <table className="min-w-full rounded-lg border border-slate-200 bg-white text-sm">
      <ColumnsHead columns={(["session", "scorecard", "calls", "reviewers", "progress"] as const).map((c) => t(c))} />
      <tbody className="divide-y divide-slate-100">
        {sessions.map((s) => (
          <tr key={s.id} data-testid="calibration-session-row">
            <td className="px-3 py-2">
              <Link href={`/review/calibration/${s.id}`} className="text-sky-700 underline">
                {s.name}
              </Link>
              {s.closed ? (
                <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">
                  {t("closedBadge")}
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2">
              {s.scorecard} v{s.version}
            </td>
            <td className="px-3 py-2 tabular-nums">{s.calls}</td>
            <td className="px-3 py-2 tabular-nums">{s.reviewers}</td>
            <td className="px-3 py-2 tabular-nums">
              {s.submitted} / {s.assignments}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
