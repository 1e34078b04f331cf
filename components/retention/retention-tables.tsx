import { getTranslations } from "next-intl/server";
import { getFormat } from "@/components/ui/get-format";
import type { ClassPreview, RunRow } from "@/lib/retention/data";
import { CLASSES, type RetentionClass, type RetentionPolicy } from "@/lib/retention/policy";
import { FramedTable } from "@/components/ui/framed-table";

const td = "px-3 py-1.5";

/** Per class: its period, the cutoff now, and what a run started now would remove or leave. */
export async function RetentionPolicyTable({
  policy,
  preview,
}: {
  policy: RetentionPolicy;
  preview: Record<RetentionClass, ClassPreview>;
}) {
  const [t, f] = await Promise.all([getTranslations("retention"), getFormat()]);
  return (
    <FramedTable
      testId="retention-preview"
      caption={t("preview.caption")}
      columns={[
        t("preview.class"),
        t("preview.period"),
        t("preview.cutoff"),
        ...(["due", "held", "unfinished"] as const).map((k) => ({ label: t(`preview.${k}`), align: "right" as const })),
      ]}
    >
      {CLASSES.map((cls) => {
        const p = preview[cls];
        const period = policy[cls];
        return (
          <tr key={cls} className="border-t border-slate-100" data-class={cls}>
            <th scope="row" className={`${td} text-left font-medium`}>
              {t(`classes.${cls}`)}
            </th>
            <td className={td}>{period === "keep" ? t("keep") : t("days", { days: period })}</td>
            <td className={td}>{p.cutoff ? f.dateTime(p.cutoff) : "–"}</td>
            <td className={`${td} text-right tabular-nums`}>{f.count(p.due)}</td>
            <td className={`${td} text-right tabular-nums`}>{f.count(p.held)}</td>
            <td className={`${td} text-right tabular-nums`}>{f.count(p.unfinished)}</td>
          </tr>
        );
      })}
    </FramedTable>
  );
}

/** The latest runs, newest first, with what each removed per class. */
export async function RetentionRuns({ runs }: { runs: RunRow[] }) {
  const [t, f] = await Promise.all([getTranslations("retention"), getFormat()]);
  if (!runs.length)
    return <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("runs.none")}</p>;
  return (
    <FramedTable
      testId="retention-runs"
      caption={t("runs.caption")}
      columns={(["started", "kind", "state", "removed"] as const).map((k) => t(`runs.${k}`))}
    >
      {runs.map((r) => (
        <tr key={r.id.toString()} className="border-t border-slate-100 align-top">
          <td className={td}>{f.dateTime(r.startedAt)}</td>
          <td className={td}>
            {r.kind === "manual" ? t("runs.manual", { who: r.triggeredBy ?? "–" }) : t("runs.daily")}
          </td>
          <td className={td}>
            {t(`runs.states.${r.state === "done" ? "done" : r.error ? "error" : "running"}`)}
            {r.error ? <span className="block text-xs text-red-700">{r.error}</span> : null}
          </td>
          <td className={td}>
            {CLASSES.filter((c) => r.counts[c])
              .map((c) => `${t(`classes.${c}`)}: ${f.count(r.counts[c]!.removed)}`)
              .join(" · ") || "–"}
          </td>
        </tr>
      ))}
    </FramedTable>
  );
}
