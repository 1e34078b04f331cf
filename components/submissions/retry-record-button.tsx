"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { retryRecord } from "@/lib/submissions/actions";

export function RetryRecordButton({ callRecordId, disabled }: { callRecordId: string; disabled: boolean }) {
  const t = useTranslations("submissions.retry");
  const errorText = useErrorText();
  const router = useRouter();
  const retry = useMutation({
    mutationFn: async () => {
      return unwrap(await retryRecord({ callRecordId }));
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
        {retry.isPending ? t("queuing") : t("button")}
      </button>
      {retry.isError ? <p role="alert" className="text-sm text-red-700">{errorText(retry.error)}</p> : null}
    </div>
  );
}
