import type { BatchView } from "@/lib/submissions/views";

const SEGMENTS = [
  { key: "accepted", label: "accepted", cls: "bg-emerald-500" },
  { key: "rejected", label: "rejected", cls: "bg-red-500" },
  { key: "failed", label: "given up", cls: "bg-red-300" },
  { key: "retrying", label: "retrying", cls: "bg-amber-400" },
  { key: "in_flight", label: "in flight", cls: "bg-sky-500" },
  { key: "queued", label: "queued", cls: "bg-slate-200" },
  { key: "cancelled", label: "cancelled", cls: "bg-slate-400" },
] as const;

export function BatchProgressBar({ batch }: { batch: BatchView }) {
  const total = Math.max(batch.total, 1);
  const title = SEGMENTS.map((s) => `${s.label}: ${batch.counts[s.key].toLocaleString("en")}`).join(", ");
  return (
    <div className="flex h-2.5 w-full overflow-hidden rounded bg-slate-100" role="img" aria-label={title} title={title}>
      {SEGMENTS.map((s) => (batch.counts[s.key] ? <span key={s.key} className={s.cls} style={{ width: `${(batch.counts[s.key] / total) * 100}%` }} /> : null))}
    </div>
  );
}

export function BatchCounts({ batch }: { batch: BatchView }) {
  return (
    <dl className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-7">
      {SEGMENTS.map((s) => (
        <div key={s.key} className="rounded border border-slate-100 bg-white p-2">
          <dt className="text-xs text-slate-500">{s.label}</dt>
          <dd className="font-semibold tabular-nums" data-testid={`batch-${s.key}`}>{batch.counts[s.key].toLocaleString("en")}</dd>
        </div>
      ))}
    </dl>
  );
}

export function BatchStatus({ batch }: { batch: BatchView }) {
  const cls = {
    running: "bg-sky-50 text-sky-800 ring-sky-200",
    paused: "bg-amber-50 text-amber-900 ring-amber-300",
    done: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    cancelled: "bg-slate-100 text-slate-700 ring-slate-200",
  }[batch.status] ?? "";
  return <span data-testid="batch-status" className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${cls}`}>{batch.status}</span>;
}

export function describeSelection(selection: unknown): string {
  const s = selection as { type?: string; ids?: string[]; query?: string; jobId?: string; batchId?: string; failureCode?: string | null };
  switch (s?.type) {
    case "ids": return `${s.ids?.length ?? 0} selected record${s.ids?.length === 1 ? "" : "s"}`;
    case "filter": return s.query ? `filter ${s.query}` : "all records";
    case "job": return `job ${s.jobId}`;
    case "batch": return s.failureCode !== undefined ? `batch ${s.batchId}, failures ${s.failureCode ?? "(no code)"}` : `batch ${s.batchId}`;
    default: return "–";
  }
}
