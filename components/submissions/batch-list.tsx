"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { submissionKeys, type BatchView } from "@/lib/submissions/views";
import { BatchProgressBar, BatchStatus, describeSelection } from "./batch-progress";

async function fetchBatches(): Promise<BatchView[]> {
  const res = await fetch("/api/submissions", { cache: "no-store" });
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
  return ((await res.json()) as { batches: BatchView[] }).batches;
}

/** Batches with live progress: polls while any batch is running. */
export function BatchList({ initial }: { initial: BatchView[] }) {
  const { data, error } = useQuery({
    queryKey: submissionKeys.list(),
    queryFn: fetchBatches,
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.some((b) => b.status === "running") ? 2_000 : 15_000),
  });
  if (!data.length) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        No submissions yet. Select records on <Link href="/calls" className="font-medium text-sky-700 hover:underline">Calls</Link> and choose “Submit to TOP”.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      {error ? <p role="alert" className="p-2 text-sm text-red-700">Live updates stopped: {error.message}</p> : null}
      <table className="min-w-full text-sm">
        <caption className="sr-only">Submission batches</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Batch</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">What</th>
            <th scope="col" className="px-3 py-2">By</th>
            <th scope="col" className="px-3 py-2 text-right">Records</th>
            <th scope="col" className="px-3 py-2">Progress</th>
            <th scope="col" className="px-3 py-2 text-right">Rate</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.map((b) => (
            <tr key={b.id} data-testid="batch-row">
              <td className="px-3 py-2">
                <Link href={`/submissions/${b.id}`} className="font-medium text-sky-700 hover:underline">#{b.id}</Link>
                <div className="text-xs text-slate-500">{new Date(b.createdAt).toLocaleString("sv-SE")}</div>
              </td>
              <td className="px-3 py-2"><BatchStatus batch={b} /></td>
              <td className="max-w-xs truncate px-3 py-2" title={describeSelection(b.selection)}>{b.kind} · {describeSelection(b.selection)}</td>
              <td className="px-3 py-2">{b.createdBy}</td>
              <td className="px-3 py-2 text-right tabular-nums">{b.total.toLocaleString("en")}</td>
              <td className="w-56 px-3 py-2"><BatchProgressBar batch={b} /></td>
              <td className="px-3 py-2 text-right tabular-nums">{b.throughput ? `${b.throughput.toFixed(1)}/s` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
