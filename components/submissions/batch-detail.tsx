"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { cancelSubmissionBatch, resumeSubmissionBatch } from "@/lib/submissions/actions";
import type { Selection } from "@/lib/submissions/selection";
import { submissionKeys, type BatchDetailView } from "@/lib/submissions/views";
import { BatchCounts, BatchProgressBar, BatchStatus, describeSelection } from "./batch-progress";
import { PreSubmitDialog } from "./pre-submit-dialog";

function eta(seconds: number | null): string {
  if (seconds === null) return "–";
  if (seconds < 90) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}

export function BatchDetail({ initial, canControl }: { initial: BatchDetailView; canControl: boolean }) {
  const id = initial.batch.id;
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ selection: Selection; label: string } | null>(null);
  const { data } = useQuery({
    queryKey: submissionKeys.batch(id),
    queryFn: async (): Promise<BatchDetailView> => {
      const res = await fetch(`/api/submissions/${id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.batch.status === "running" ? 1_000 : false),
  });
  const control = useMutation({
    mutationFn: async (what: "cancel" | "resume") => {
      const r = what === "cancel" ? await cancelSubmissionBatch({ batchId: id }) : await resumeSubmissionBatch({ batchId: id });
      if (!r.ok) throw new Error(r.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: submissionKeys.batch(id) }),
  });
  const b = data.batch;
  const failed = b.counts.rejected + b.counts.failed;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center gap-3">
        <Link href="/submissions" className="text-sm text-sky-700 hover:underline">← Submissions</Link>
        <h1 className="text-xl font-semibold tracking-tight">Batch #{b.id}</h1>
        <BatchStatus batch={b} />
        <div className="ml-auto flex gap-2">
          {canControl && b.status === "paused" ? (
            <button type="button" onClick={() => control.mutate("resume")} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">Resume</button>
          ) : null}
          {canControl && (b.status === "running" || b.status === "paused") ? (
            <button type="button" onClick={() => control.mutate("cancel")} className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-800 hover:bg-red-50">Cancel batch</button>
          ) : null}
        </div>
      </header>
      {control.isError ? <p role="alert" className="text-sm text-red-700">{control.error.message}</p> : null}
      {b.status === "paused" && b.pausedReason ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">Paused: nothing more is sent until the configuration is fixed.</p>
          <p className="mt-1">{b.pausedReason}</p>
          <p className="mt-1">Check TOP_APP_KEY, TOP_APP_SECRET, TOP_SIGN_METHOD, TOP_SESSION and the host clock, restart, then resume.</p>
        </div>
      ) : null}
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <p className="text-sm text-slate-600">
          {b.kind} of {describeSelection(b.selection)} by {b.createdBy} at {new Date(b.createdAt).toLocaleString("sv-SE")}
          {b.resendAccepted ? ", sending accepted records again" : ""}.
        </p>
        <BatchProgressBar batch={b} />
        <BatchCounts batch={b} />
        <p className="text-sm text-slate-600">
          {b.total.toLocaleString("en")} records · {b.throughput ? `${b.throughput.toFixed(1)} answers/s` : "no answers in the last minute"} · ETA {eta(b.etaSeconds)}
        </p>
      </section>

      <section aria-labelledby="failures" className="space-y-3">
        <div className="flex items-center gap-3">
          <h2 id="failures" className="font-semibold">Failures</h2>
          {canControl && failed ? (
            <button
              type="button"
              onClick={() => setDialog({ selection: { type: "batch", batchId: id }, label: `All ${failed} failures of batch #${id}.` })}
              className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50"
            >
              Resubmit all failures…
            </button>
          ) : null}
        </div>
        {data.failures.length === 0 ? (
          <p className="text-sm text-slate-600">No record of this batch was rejected or given up.</p>
        ) : (
          <table className="min-w-full rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
            <caption className="sr-only">Failures grouped by answer</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Outcome</th>
                <th scope="col" className="px-3 py-2">Code</th>
                <th scope="col" className="px-3 py-2">Message</th>
                <th scope="col" className="px-3 py-2 text-right">Records</th>
                <th scope="col" className="px-3 py-2">Examples</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.failures.map((g) => (
                <tr key={`${g.state}-${g.code}-${g.message}`} data-testid="failure-group">
                  <td className="px-3 py-2">{g.state === "failed" ? "given up" : "rejected"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{g.code ?? "–"}</td>
                  <td className="px-3 py-2">{g.message ?? "–"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{g.count.toLocaleString("en")}</td>
                  <td className="px-3 py-2">
                    {g.sampleIds.map((s) => (
                      <Link key={s} href={`/calls/${s}`} className="mr-2 font-mono text-xs text-sky-700 hover:underline">{s}</Link>
                    ))}
                  </td>
                  <td className="px-3 py-2">
                    {canControl ? <button
                      type="button"
                      onClick={() => setDialog({ selection: { type: "batch", batchId: id, failureCode: g.code }, label: `${g.count} records that failed with ${g.code ?? "no code"}: ${g.message ?? ""}` })}
                      className="text-sm font-medium text-sky-700 underline"
                    >
                      Resubmit this group…
                    </button> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {dialog ? <PreSubmitDialog selection={dialog.selection} label={dialog.label} onlyFailures onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
