import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DeleteRule } from "@/components/rules/delete-rule";
import { RuleForm } from "@/components/rules/rule-form";
import { RuleState } from "@/components/rules/rule-state";
import { requirePageRecord } from "@/components/ui/page-record";
import { pickFields } from "@/components/ui/pick-fields";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { getRule, ruleActivity } from "@/lib/rules/data";
import { warningBox } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("rules"))("title") };
}

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, record: rule } = await requirePageRecord("rules:read", params, getRule);
  const [activity, t] = await Promise.all([
    ruleActivity(rule.id, getEnv().DISPLAY_TIME_ZONE),
    getTranslations("rules"),
  ]);
  const canWrite = can(user.role, "rules:write");
  return (
    <div className="max-w-3xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">
          {rule.name} <RuleState enabled={rule.enabled} pausedKind={rule.pausedKind} />
        </h1>
        {canWrite ? <DeleteRule ruleId={rule.id.toString()} name={rule.name} /> : null}
      </div>
      {rule.pausedKind === "config" || rule.pausedKind === "rejections" ? (
        <div role="alert" className={warningBox}>
          {t(`paused.${rule.pausedKind}`, { reason: rule.pausedReason ?? "" })}
        </div>
      ) : null}
      <section
        aria-labelledby="rule-activity"
        className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      >
        <h2 id="rule-activity" className="font-medium">
          {t("activity.title")}
        </h2>
        <dl className="mt-2 grid grid-cols-4 gap-2 tabular-nums">
          {(["queued", "accepted", "failed", "waiting"] as const).map((k) => (
            <div key={k}>
              <dt className="text-slate-500">{t(`activity.${k}`)}</dt>
              <dd className="text-lg font-semibold">{k === "queued" ? activity.queuedToday : activity[k]}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-3 font-medium">{t("activity.batches")}</h3>
        {activity.batches.length ? (
          <ul className="list-disc pl-5">
            {activity.batches.map((b) => (
              <li key={b.id.toString()}>
                <Link className="text-sky-700 underline" href={`/submissions/${b.id}`}>
                  {t("activity.batch", { id: b.id.toString(), day: b.day, status: b.status, total: b.total })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">{t("activity.noBatches")}</p>
        )}
      </section>
      <RuleForm
        ruleId={rule.id.toString()}
        canWrite={canWrite}
        initial={pickFields(rule, ["name", "filter", "settleSeconds", "dailyCap", "enabled"])}
      />
      <p className="text-xs text-slate-500">{t("lastChanged", { who: rule.updatedBy })}</p>
    </div>
  );
}
