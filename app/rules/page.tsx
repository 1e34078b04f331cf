import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RuleState } from "@/components/rules/rule-state";
import { requireUser } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { listRules, ruleActivity } from "@/lib/rules/data";
import { ColumnsHead } from "@/components/ui/columns-head";
import { primaryButton } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("rules"))("title") };
}

export default async function RulesPage() {
  const user = await requireUser("rules:read");
  const timeZone = getEnv().DISPLAY_TIME_ZONE;
  const [rules, t] = await Promise.all([listRules(), getTranslations("rules")]);
  const activity = await Promise.all(rules.map((r) => ruleActivity(r.id, timeZone)));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        {can(user.role, "rules:write") ? (
          <Link href="/rules/new" className={primaryButton}>
            {t("new")}
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {rules.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <table className="w-full border-collapse rounded-lg bg-white text-sm shadow-sm">
          <ColumnsHead
            columns={(["name", "filter", "settle", "cap", "state", "today"] as const).map((c) => t(`columns.${c}`))}
          />
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id.toString()} className="border-t border-slate-100">
                <td className="p-2">
                  <Link href={`/rules/${r.id}`} className="font-medium text-sky-700 underline">
                    {r.name}
                  </Link>
                </td>
                <td className="max-w-xs truncate p-2 font-mono text-xs">{r.filter || t("allRecords")}</td>
                <td className="p-2">{t("seconds", { n: r.settleSeconds })}</td>
                <td className="p-2">{r.dailyCap ?? t("noCap")}</td>
                <td className="p-2">
                  <RuleState enabled={r.enabled} pausedKind={r.pausedKind} />
                </td>
                <td className="p-2 tabular-nums">
                  {activity[i]!.queuedToday} · {activity[i]!.accepted} · {activity[i]!.failed}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
