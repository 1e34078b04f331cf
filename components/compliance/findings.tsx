import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FindingView } from "@/lib/compliance/data";
import { Panel } from "@/components/ui/panel";

const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0));
const text = (v: unknown) => (typeof v === "string" ? v : "");
const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * The record page's compliance findings: what each check found, with its
 * details; a frequency finding links the earlier calls to the same number
 * (shown masked, as everywhere).
 */
export async function ComplianceFindings({
  findings,
  maskedNumber,
}: {
  findings: FindingView[];
  maskedNumber: string | null;
}) {
  const t = await getTranslations("compliance");
  return (
    <Panel id="compliance-findings" title={t("findings.title")} testId="compliance-findings">
      {findings.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("findings.none")}</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {findings.map((f) => (
            <li
              key={f.id}
              className="rounded border border-amber-200 bg-amber-50 p-2 text-amber-950"
              data-kind={f.kind}
            >
              <span className="mr-2 font-medium">{t(`kinds.${kindKey(f.kind)}`)}</span>
              <Describe f={f} t={t} maskedNumber={maskedNumber} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"compliance">>>;

function kindKey(kind: string): "hours" | "frequency" | "anomaly" | "phrase" {
  return kind === "hours" || kind === "frequency" || kind === "anomaly" ? kind : "phrase";
}

function Describe({ f, t, maskedNumber }: { f: FindingView; t: T; maskedNumber: string | null }) {
  const d = f.detail;
  switch (f.code) {
    case "outside_hours":
      return (
        <span>
          {t("findings.outside_hours", {
            time: text(d.local_time),
            zone: text(d.time_zone),
            window: text(d.window),
            override: d.job_override === true ? "true" : "false",
          })}
        </span>
      );
    case "daily_limit":
    case "weekly_limit":
      return (
        <span>
          {f.code === "daily_limit"
            ? t(d.at_least === true ? "findings.daily_limit_at_least" : "findings.daily_limit", {
                calls: num(d.calls),
                number: maskedNumber ?? "–",
                day: text(d.day),
                limit: num(d.limit),
              })
            : t(d.at_least === true ? "findings.weekly_limit_at_least" : "findings.weekly_limit", {
                calls: num(d.calls),
                number: maskedNumber ?? "–",
                from: text(d.from),
                to: text(d.to),
                limit: num(d.limit),
              })}{" "}
          <span className="sr-only">{t("findings.earlier")}</span>
          {ids(d.earlier).map((id, i) => (
            <span key={id}>
              {i > 0 ? ", " : ""}
              <Link href={`/calls/${id}`} className="font-mono text-sky-800 underline hover:text-sky-950">
                {id}
              </Link>
            </span>
          ))}
        </span>
      );
    case "duration_mismatch":
      return (
        <span>
          {t("findings.duration_mismatch", {
            chat: num(d.chat_duration),
            elapsed: num(d.elapsed_seconds),
            tolerance: num(d.tolerance_seconds),
            ring: num(d.max_ring_seconds),
          })}
        </span>
      );
    case "zero_duration":
    case "end_before_start":
    case "missing_recording":
      return <span>{t(`findings.${f.code}`)}</span>;
    default:
      return <span className="font-mono">{f.code}</span>;
  }
}
