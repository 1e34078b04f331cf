import { getTranslations } from "next-intl/server";

/** On, off, or paused (and by what): the same words on the list and the rule's page. */
export async function RuleState({ enabled, pausedKind }: { enabled: boolean; pausedKind: string | null }) {
  const t = await getTranslations("rules.state");
  if (!enabled) return <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("disabled")}</span>;
  if (pausedKind)
    return (
      <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
        {pausedKind === "config" ? t("pausedConfig") : t("pausedRejections")}
      </span>
    );
  return <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900">{t("enabled")}</span>;
}
