"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useReauth } from "@/components/account/use-reauth";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { useFormat } from "@/components/ui/use-format";
import { useEffect, useRef, useState } from "react";
import { checkSubmission, retryRecord, submitRecords } from "@/lib/submissions/actions";
import type { Selection } from "@/lib/submissions/selection";
import { submissionKeys } from "@/lib/submissions/views";
import { FailureLine } from "@/components/ui/failure-line";
import { DialogCloseButton } from "@/components/ui/dialog-close-button";
import { ApprovalNotice } from "@/components/approvals/approval-notice";
import { primaryButton } from "@/components/ui/styles";

/**
 * Before anything is sent: how many records go, how many are held back and
 * why, and how long it takes at the configured rate. Every way of sending
 * goes through here (lists, a record's page, retries and resubmissions);
 * accepted records are held back unless the user ticks the box that says
 * how many of them would go again (the server enforces the same).
 */
export function PreSubmitDialog({
  selection,
  label,
  onlyFailures = false,
  retryRecordId,
  onClose,
}: {
  selection: Selection;
  label: string;
  onlyFailures?: boolean;
  /** Sending one record from its page: recorded as that record's retry. */
  retryRecordId?: string;
  onClose: () => void;
}) {
  const t = useTranslations("submissions");
  const tc = useTranslations("confirm");
  const fmt = useFormat();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const queryClient = useQueryClient();
  const [resendAccepted, setResendAccepted] = useState(false);
  const sending = useRef(false);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const check = useQuery({
    queryKey: [...submissionKeys.all, "check", selection, resendAccepted, onlyFailures],
    queryFn: async () => {
      return unwrap(await checkSubmission({ selection, resendAccepted, onlyFailures }));
    },
    placeholderData: keepPreviousData,
  });

  // Resending accepted records is sensitive: an old proof of identity is asked for again, then the send retried.
  const reauth = useReauth();
  const submit = useMutation({
    mutationFn: async () => {
      if (retryRecordId) return unwrap(await retryRecord({ callRecordId: retryRecordId, resendAccepted }));
      return unwrap(await submitRecords({ selection, resendAccepted, onlyFailures }));
    },
    onError: (err) => {
      sending.current = false;
      reauth.check(err);
    },
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: submissionKeys.list() });
      router.push(`/submissions/${data.batchId}`);
    },
  });

  // The count on the button is the check's answer for the current choice, never a stale or missing one.
  const ready = check.isSuccess && !check.isFetching;

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
          <p role="status" className="text-sm text-slate-600">
            {t("dialog.checking")}
          </p>
        ) : check.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {t("dialog.checkFailed", { message: errorText(check.error) })}
          </p>
        ) : (
          <div className="space-y-3 text-sm">
            <p>
              {t.rich(check.data.sendable ? "dialog.willSendTime" : "dialog.willSend", {
                sendable: fmt.count(check.data.sendable),
                matching: fmt.count(check.data.matching),
                duration: fmt.estimate(check.data.estimatedSeconds),
                strong: (chunks) => (
                  <strong data-testid="sendable-count" className="text-lg tabular-nums">
                    {chunks}
                  </strong>
                ),
              })}
            </p>
            {check.data.correctedIntent ? (
              <p
                data-testid="corrected-intent-note"
                className="rounded border border-sky-200 bg-sky-50 px-2 py-1 text-sky-900"
              >
                {t("dialog.correctedIntent", { count: fmt.count(check.data.correctedIntent) })}
              </p>
            ) : null}
            {check.data.approvalReasons.length ? (
              <ApprovalNotice className="rounded border border-violet-200 bg-violet-50 p-2 text-violet-900" />
            ) : null}
            {check.data.blocked.length ? (
              <ul className="list-disc space-y-1 pl-5 text-slate-700" aria-label={t("dialog.heldBackLabel")}>
                {check.data.blocked.map((b) => {
                  const key = `blocked.${b.code}` as Parameters<typeof t.has>[0];
                  return (
                    <li key={b.code}>
                      {t("dialog.heldBack", { count: fmt.count(b.count), reason: t.has(key) ? t(key) : b.reason })}
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {check.data.accepted ? (
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  data-testid="resend-accepted"
                  checked={resendAccepted}
                  onChange={(e) => setResendAccepted(e.target.checked)}
                />
                {tc("resendAccepted", { count: check.data.accepted })}
              </label>
            ) : null}
          </div>
        )}
        {reauth.prompt(
          () => submit.mutate(),
          () => submit.reset(),
        ) ?? <FailureLine error={submit.error} className="text-sm text-red-700" />}
        <div className="flex justify-end gap-2">
          <DialogCloseButton dialog={ref}>{t("dialog.cancel")}</DialogCloseButton>
          <button
            type="button"
            data-testid="send-button"
            disabled={!ready || !check.data?.sendable || submit.isPending || submit.isSuccess}
            aria-busy={!ready || submit.isPending}
            onClick={() => {
              // One batch per dialog: a double click must not queue the records twice.
              if (sending.current) return;
              sending.current = true;
              submit.mutate();
            }}
            className={`inline-flex items-center gap-2 ${primaryButton} disabled:cursor-not-allowed disabled:bg-slate-400`}
          >
            {!ready || submit.isPending ? <Spinner /> : null}
            {!ready
              ? tc("checking")
              : submit.isPending
                ? t("dialog.queuing")
                : tc("sendCount", { count: check.data?.sendable ?? 0 })}
          </button>
        </div>
      </div>
    </dialog>
  );
}

function Spinner() {
  return (
    <span
      aria-hidden
      className="inline-block h-3.5 w-3.5 animate-spin rounded-full border-2 border-white/40 border-t-white"
    />
  );
}
