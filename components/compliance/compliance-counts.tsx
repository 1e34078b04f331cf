import Link from "next/link";
import { useTranslations } from "next-intl";
import { COMPLIANCE_KINDS } from "@/lib/compliance/flags";
import type { ComplianceCounts } from "@/lib/compliance/data";
import { useFormat } from "@/components/ui/use-format";
import { Panel } from "@/components/ui/panel";

/**
 * Flagged calls per compliance kind and with any flag, each a link to exactly
 * those calls in /calls. `query` is the scope the counts were taken over (a
 * job: `job=…`; empty for all calls), so the link lists what was counted.
 */
export function ComplianceCountsView({
  counts,
  query,
  title,
  scope,
}: {
  counts: ComplianceCounts;
  query: string;
  title: string;
  scope: string;
}) {
  const t = useTranslations("compliance");
  const fmt = useFormat();
  const href = (kind: keyof ComplianceCounts) => `/calls?${query ? `${query}&` : ""}compliance=${kind}`;
  return (
    <Panel id="compliance-counts" title={title} testId="compliance-counts">
      <p className="text-xs text-slate-500">{scope}</p>
      {counts.any === 0 ? (
        <p className="mt-3 text-sm text-slate-600" data-testid="compliance-counts-empty">
          {t("counts.empty")}
        </p>
      ) : (
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
          {(["any", ...COMPLIANCE_KINDS] as const).map((kind) => (
            <li key={kind}>
              <Link href={href(kind)} className="block rounded border border-slate-100 p-2 hover:border-sky-300">
                <div className="text-xs text-slate-500">{t(`kinds.${kind}`)}</div>
                <div className="text-lg font-semibold tabular-nums" data-testid={`compliance-count-${kind}`}>
                  {fmt.count(counts[kind])}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
