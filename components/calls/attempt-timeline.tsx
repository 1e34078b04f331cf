import Link from "next/link";
import { useTranslations } from "next-intl";
import type { recordAttempts } from "@/lib/submissions/data";
import { useFormat } from "@/components/ui/use-format";

type Attempt = Awaited<ReturnType<typeof recordAttempts>>[number];

const OUTCOME = {
  accepted: "text-emerald-700",
  rejected: "text-red-700",
  transient: "text-amber-700",
  config: "text-red-800",
} as const;

/** Every HTTP call made for the record: what was sent (secret never stored) and what came back. */
export function AttemptTimeline({ attempts }: { attempts: Attempt[] }) {
  const fmt = useFormat();
  const t = useTranslations("calls.attempts");
  if (!attempts.length) return <p className="text-sm text-slate-600">{t("never")}</p>;
  return (
    <ol className="space-y-3" aria-label={t("label")}>
      {attempts.map((a) => (
        <li key={a.id.toString()} className="rounded border border-slate-100 p-3 text-sm" data-testid="attempt">
          <div className="flex flex-wrap items-baseline gap-x-3">
            <span className={`font-semibold ${OUTCOME[a.outcome as keyof typeof OUTCOME] ?? ""}`}>
              {a.outcome in OUTCOME ? t(`outcome.${a.outcome as keyof typeof OUTCOME}`) : a.outcome}
            </span>
            <span className="tabular-nums">{fmt.dateTime(a.sentAt)}</span>
            <span className="text-slate-500">
              {t("meta", {
                attempt: a.attempt,
                latency: fmt.count(Math.round(a.latencyMs)),
                status: a.httpStatus ?? "–",
              })}
            </span>
            <Link href={`/submissions/${a.batchId}`} className="text-sky-700 hover:underline">
              {t("batch", { id: a.batchId.toString() })}
            </Link>
          </div>
          <div className="mt-1 font-mono text-xs text-slate-700">
            {a.resultSuccess !== null
              ? `lvms_result_d_t_o: count=${a.resultCount ?? "–"} success=${a.resultSuccess} code=${a.resultCode ?? "–"} message=${a.resultMessage ?? "–"}`
              : null}
            {a.errorCode !== null
              ? `error_response: code=${a.errorCode} msg=${a.errorMsg ?? ""} sub_code=${a.errorSubCode ?? "–"} sub_msg=${a.errorSubMsg ?? "–"}`
              : null}
            {a.transportError ? `transport: ${a.transportError}` : null}
            {a.requestId ? <span className="ml-2 text-slate-500">request_id {a.requestId}</span> : null}
          </div>
          {a.rawAnswer ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-slate-600">{t("answer")}</summary>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">
                {a.rawAnswer}
              </pre>
            </details>
          ) : null}
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-slate-600">{t("params")}</summary>
            <pre className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">
              {JSON.stringify(a.params, null, 2)}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
