"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ReauthPrompt } from "@/components/account/reauth-prompt";
import { ActionFailure, unwrap, useErrorText } from "@/components/ui/action-error";
import { useFormat } from "@/components/ui/use-format";
import { useEffect, useRef, useState } from "react";
import { checkSubmission, submitRecords } from "@/lib/submissions/actions";
import type { Selection } from "@/lib/submissions/selection";
import { submissionKeys } from "@/lib/submissions/views";

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
  const t = useTranslations("submissions");
  const fmt = useFormat();
  const errorText = useErrorText();
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
      return unwrap(await checkSubmission({ selection, resendAccepted, onlyFailures }));
    },
  });

  // Resending accepted records is sensitive: an old proof of identity is asked for again, then the send retried.
  const [reauth, setReauth] = useState(false);
  const submit = useMutation({
    mutationFn: async () => {
      return unwrap(await submitRecords({ selection, resendAccepted, onlyFailures }));
    },
    onError: (err) => setReauth(err instanceof ActionFailure && err.code === "reauth_required"),
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
          {onlyFailures ? t("dialog.resubmit") : t("dialog.submit")}
        </h2>
        <p className="text-sm text-slate-600">{label}</p>
        {check.isPending ? (
          <p role="status" className="text-sm text-slate-600">{t("dialog.checking")}</p>
        ) : check.isError ? (
          <p role="alert" className="text-sm text-red-700">{t("dialog.checkFailed", { message: errorText(check.error) })}</p>
        ) : (
          <div className="space-y-3 text-sm">
            <p>
              {t.rich(check.data.sendable ? "dialog.willSendTime" : "dialog.willSend", {
                sendable: fmt.count(check.data.sendable),
                matching: fmt.count(check.data.matching),
                duration: fmt.estimate(check.data.estimatedSeconds),
                strong: (chunks) => <strong data-testid="sendable-count" className="text-lg tabular-nums">{chunks}</strong>,
              })}
            </p>
            {check.data.correctedIntent ? (
              <p data-testid="corrected-intent-note" className="rounded border border-sky-200 bg-sky-50 px-2 py-1 text-sky-900">
                <span className="tabular-nums">{check.data.correctedIntent.toLocaleString("en")}</span> of them carry a reviewer&apos;s corrected
                intent: the corrected intent (tag group, level and name) is sent instead of the one received.
              </p>
            ) : null}
            {check.data.blocked.length ? (
              <ul className="list-disc space-y-1 pl-5 text-slate-700" aria-label={t("dialog.heldBackLabel")}>
                {check.data.blocked.map((b) => {
                  const key = `blocked.${b.code}` as Parameters<typeof t.has>[0];
                  return <li key={b.code}>{t("dialog.heldBack", { count: fmt.count(b.count), reason: t.has(key) ? t(key) : b.reason })}</li>;
                })}
              </ul>
            ) : null}
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={resendAccepted} onChange={(e) => setResendAccepted(e.target.checked)} />
              {t("dialog.resendAccepted")}
            </label>
          </div>
        )}
        {reauth ? (
          <ReauthPrompt onConfirmed={() => { setReauth(false); submit.mutate(); }} onCancel={() => { setReauth(false); submit.reset(); }} />
        ) : submit.isError ? <p role="alert" className="text-sm text-red-700">{errorText(submit.error)}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={() => ref.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
            {t("dialog.cancel")}
          </button>
          <button
            type="button"
            disabled={!check.data?.sendable || submit.isPending}
            onClick={() => submit.mutate()}
            className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-400"
          >
            {submit.isPending ? t("dialog.queuing") : t("dialog.send", { count: check.data ? fmt.count(check.data.sendable) : "" })}
          </button>
        </div>
      </div>
    </dialog>
  );
}
