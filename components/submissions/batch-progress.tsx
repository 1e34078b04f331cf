import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import type { BatchView } from "@/lib/submissions/views";

const SEGMENTS = [
  { key: "accepted", cls: "bg-emerald-500" },
  { key: "rejected", cls: "bg-red-500" },
  { key: "failed", cls: "bg-red-300" },
  { key: "retrying", cls: "bg-amber-400" },
  { key: "in_flight", cls: "bg-sky-500" },
  { key: "queued", cls: "bg-slate-200" },
  { key: "cancelled", cls: "bg-slate-400" },
] as const;

export function BatchProgressBar({ batch }: { batch: BatchView }) {
  const t = useTranslations("submissions.segments");
  const fmt = useFormat();
  const total = Math.max(batch.total, 1);
  const title = SEGMENTS.map((s) => `${t(s.key)}: ${fmt.count(batch.counts[s.key])}`).join(", ");
  return (
    <div className="flex h-2.5 w-full overflow-hidden rounded bg-slate-100" role="img" aria-label={title} title={title}>
      {SEGMENTS.map((s) =>
        batch.counts[s.key] ? (
          <span key={s.key} className={s.cls} style={{ width: `${(batch.counts[s.key] / total) * 100}%` }} />
        ) : null,
      )}
    </div>
  );
}

/**
 * The batch's counts, each a link to the batch's records in that state
 * (`/calls?batch=<id>&submission=<state>`: the records' current state, which
 * a later batch may have moved on); cancelled jobs have no record state.
 */
export function BatchCounts({ batch }: { batch: BatchView }) {
  const t = useTranslations("submissions.segments");
  const fmt = useFormat();
  return (
    <dl className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-7">
      {SEGMENTS.map((s) => (
        <div key={s.key} className="rounded border border-slate-100 bg-white p-2">
          <dt className="text-xs text-slate-500">{t(s.key)}</dt>
          <dd className="font-semibold tabular-nums" data-testid={`batch-${s.key}`}>
            {batch.counts[s.key] > 0 && s.key !== "cancelled" ? (
              <Link href={`/calls?batch=${batch.id}&submission=${s.key}`} className="text-sky-700 hover:underline">
                {fmt.count(batch.counts[s.key])}
              </Link>
            ) : (
              fmt.count(batch.counts[s.key])
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const STATUS_CLASS = {
  running: "bg-sky-50 text-sky-800 ring-sky-200",
  paused: "bg-amber-50 text-amber-900 ring-amber-300",
  done: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-200",
  awaiting_approval: "bg-violet-50 text-violet-900 ring-violet-300",
  rejected: "bg-red-50 text-red-800 ring-red-200",
  expired: "bg-slate-100 text-slate-700 ring-slate-300",
} as const;

export function BatchStatus({ batch }: { batch: BatchView }) {
  const t = useTranslations("submissions.status");
  const status = batch.status as keyof typeof STATUS_CLASS;
  const known = status in STATUS_CLASS;
  return (
    <span
      data-testid="batch-status"
      data-status={batch.status}
      className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${known ? STATUS_CLASS[status] : ""}`}
    >
      {known ? t(status) : batch.status}
    </span>
  );
}

/** The list's view parameters say how the page was shown, not which records: left out of the description. */
const VIEW_PARAMS = new Set(["size", "cursor", "sort"]);

export function filterWords(query: string): string {
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (VIEW_PARAMS.has(key)) params.delete(key);
  return decodeURIComponent(params.toString().replace(/\+/g, " "));
}

/** What a batch was started over, in words. */
export function useDescribeSelection(): (selection: unknown) => string {
  const t = useTranslations("submissions.selection");
  return (selection) => {
    const s = selection as {
      type?: string;
      ids?: string[];
      query?: string;
      jobId?: string;
      batchId?: string;
      failureCode?: string | null;
    };
    switch (s?.type) {
      case "ids":
        return t("ids", { count: s.ids?.length ?? 0 });
      case "filter": {
        const query = filterWords(s.query ?? "");
        return query ? t("filter", { query }) : t("all");
      }
      case "job":
        return t("job", { id: s.jobId ?? "" });
      case "batch":
        return s.failureCode !== undefined
          ? t("batchFailures", { id: s.batchId ?? "", code: s.failureCode ?? t("noCode") })
          : t("batch", { id: s.batchId ?? "" });
      default:
        return "–";
    }
  };
}

/** A batch's kind (submit, resubmit, retry) in words. */
export function useBatchKind(): (kind: string) => string {
  const t = useTranslations("submissions.kind");
  return (kind) => (kind === "submit" || kind === "resubmit" || kind === "retry" ? t(kind) : kind);
}
