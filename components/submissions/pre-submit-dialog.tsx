"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { checkSubmission, submitRecords } from "@/lib/submissions/actions";
import type { Selection } from "@/lib/submissions/selection";
import { submissionKeys } from "@/lib/submissions/views";

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * Before anything is sent: how many records go, how many are held back and
 * why, and how long it takes at the configured rate.
 */
export function PreSubmitDialog({
  selection,
  label,
  onlyFailures = false,
  onClose,
}: {
  selection: Selection;
  label: string;
  onlyFailures?: boolean;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const queryClient = useQueryClient();
  const [resendAccepted, setResendAccepted] = useState(false);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const check = useQuery({
    queryKey: [...submissionKeys.all, "check", selection, resendAccepted, onlyFailures],
    queryFn: async () => {
      const r = await checkSubmission({ selection, resendAccepted, onlyFailures });
      if (!r.ok) throw new Error(r.message);
      return r.data;
    },
  });

  const submit = useMutation({
    mutationFn: async () => {
      const r = await submitRecords({ selection, resendAccepted, onlyFailures });
      if (!r.ok) throw new Error(r.message);
      return r.data;
    },
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: submissionKeys.list() });
      router.push(`/submissions/${data.batchId}`);
    },
  });

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="pre-submit-title"
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id="pre-submit-title" className="text-lg font-semibold">
          {onlyFailures ? "Resubmit failures to TOP" : "Submit to TOP"}
        </h2>
        <p className="text-sm text-slate-600">{label}</p>
        {check.isPending ? (
          <p role="status" className="text-sm text-slate-600">Checking the records…</p>
        ) : check.isError ? (
          <p role="alert" className="text-sm text-red-700">The check failed: {check.error.message}</p>
        ) : (
          <div className="space-y-3 text-sm">
            <p>
              <strong data-testid="sendable-count" className="text-lg tabular-nums">{check.data.sendable.toLocaleString("en")}</strong> of{" "}
              {check.data.matching.toLocaleString("en")} records will be sent
              {check.data.sendable ? <>, in about {duration(check.data.estimatedSeconds)} at the configured rate</> : null}.
            </p>
            {check.data.correctedIntent ? (
              <p data-testid="corrected-intent-note" className="rounded border border-sky-200 bg-sky-50 px-2 py-1 text-sky-900">
                <span className="tabular-nums">{check.data.correctedIntent.toLocaleString("en")}</span> of them carry a reviewer&apos;s corrected
                intent: the corrected intent (tag group, level and name) is sent instead of the one received.
              </p>
            ) : null}
            {check.data.blocked.length ? (
              <ul className="list-disc space-y-1 pl-5 text-slate-700" aria-label="Held back">
                {check.data.blocked.map((b) => (
                  <li key={b.reason}>
                    <span className="tabular-nums">{b.count.toLocaleString("en")}</span> held back: {b.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={resendAccepted} onChange={(e) => setResendAccepted(e.target.checked)} />
              Send again records the platform already accepted
            </label>
          </div>
        )}
        {submit.isError ? <p role="alert" className="text-sm text-red-700">{submit.error.message}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={() => ref.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
            Cancel
          </button>
          <button
            type="button"
            disabled={!check.data?.sendable || submit.isPending}
            onClick={() => submit.mutate()}
            className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-400"
          >
            {submit.isPending ? "Queuing…" : `Send ${check.data?.sendable.toLocaleString("en") ?? ""} records`}
          </button>
        </div>
      </div>
    </dialog>
  );
}
