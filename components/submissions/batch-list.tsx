"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { batchNeedsPolling, submissionKeys, type BatchView } from "@/lib/submissions/views";
import { BatchProgressBar, BatchStatus, useBatchKind, useDescribeSelection } from "./batch-progress";
import { ColumnsHead } from "@/components/ui/columns-head";

async function fetchBatches(before: string | null): Promise<BatchView[]> {
  const res = await fetch(before ? `/api/submissions?before=${before}` : "/api/submissions", { cache: "no-store" });
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
  return ((await res.json()) as { batches: BatchView[] }).batches;
}

/** The table's columns, by their message key; the counts are right-aligned. */
const COLUMNS = ["batch", "status", "what", "by", "records", "progress", "rate"] as const;

/** Batches with live progress: polls while any batch is running. */
export function BatchList({ initial, before }: { initial: BatchView[]; before: string | null }) {
  const t = useTranslations("submissions.list");
  const fmt = useFormat();
  const describeSelection = useDescribeSelection();
  const kind = useBatchKind();
  const { data, error } = useQuery({
    queryKey: [...submissionKeys.list(), before],
    queryFn: () => fetchBatches(before),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.some(batchNeedsPolling) ? 2_000 : 15_000),
  });
  if (!data.length) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        {t.rich("empty", {
          link: (chunks) => (
            <Link href="/calls" className="font-medium text-sky-700 hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {error ? (
        <p role="alert" className="p-2 text-sm text-red-700">
          {t("liveStopped", { message: error.message })}
        </p>
      ) : null}
      <table className="min-w-full text-sm">
        <ColumnsHead
          caption={t("caption")}
          columns={COLUMNS.map((c) => ({ label: t(c), align: c === "records" || c === "rate" ? "right" : "left" }))}
        />
        <tbody className="divide-y divide-slate-100">
          {data.map((b) => (
            <tr key={b.id} data-testid="batch-row">
              <td className="px-3 py-2">
                <Link href={`/submissions/${b.id}`} className="font-medium text-sky-700 hover:underline">
                  #{b.id}
                </Link>
                <div className="text-xs text-slate-500">{fmt.dateTime(b.createdAt)}</div>
              </td>
              <td className="px-3 py-2">
                <BatchStatus batch={b} />
              </td>
              <td className="max-w-xs truncate px-3 py-2" title={describeSelection(b.selection)}>
                {kind(b.kind)} · {describeSelection(b.selection)}
              </td>
              <td className="px-3 py-2">{b.createdBy}</td>
              <td className="px-3 py-2 text-right tabular-nums">{fmt.count(b.total)}</td>
              <td className="w-56 px-3 py-2">
                <BatchProgressBar batch={b} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {b.throughput ? t("perSecond", { rate: fmt.decimal(b.throughput) }) : b.estimating ? "…" : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
