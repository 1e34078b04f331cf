"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { retryRecord } from "@/lib/submissions/actions";

export function RetryRecordButton({ callRecordId, disabled }: { callRecordId: string; disabled: boolean }) {
  const router = useRouter();
  const retry = useMutation({
    mutationFn: async () => {
      const r = await retryRecord({ callRecordId });
      if (!r.ok) throw new Error(r.message);
      return r.data;
    },
    onSuccess: (data) => router.push(`/submissions/${data.batchId}`),
  });
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={disabled || retry.isPending}
        onClick={() => retry.mutate()}
        className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {retry.isPending ? "Queuing…" : "Submit this record to TOP"}
      </button>
      {retry.isError ? <p role="alert" className="text-sm text-red-700">{retry.error.message}</p> : null}
    </div>
  );
}
