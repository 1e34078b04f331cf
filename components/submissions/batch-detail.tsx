"use client";

import { useMutation, useQuery, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { unwrap } from "@/components/ui/action-error";
import { useFormat } from "@/components/ui/use-format";
import { useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { cancelSubmissionBatch, resumeSubmissionBatch } from "@/lib/submissions/actions";
import type { Selection } from "@/lib/submissions/selection";
import { submissionKeys, type BatchDetailView, type BatchView } from "@/lib/submissions/views";
import { BatchCounts, BatchProgressBar, BatchStatus, useBatchKind, useDescribeSelection } from "./batch-progress";
import { FailureLine } from "@/components/ui/failure-line";
import { MutationConfirmDialog } from "@/components/ui/mutation-confirm-dialog";
import { batchNeedsPolling, RATE_WINDOW_SECONDS } from "@/lib/submissions/views";
import { PreSubmitDialog } from "./pre-submit-dialog";
import { BulkFixDialog } from "@/components/corrections/bulk-fix-dialog";
import { FailureGroups } from "./failure-groups";
import { APPROVAL_STATUSES } from "@/lib/approvals/status";
import { BackLink } from "@/components/ui/back-link";
import { secondaryButton, stopButton } from "@/components/ui/styles";

export function BatchDetail({
  initial,
  canControl,
  canFix = false,
  approvalPanel = null,
}: {
  initial: BatchDetailView;
  canControl: boolean;
  /** Bulk fix of a failure group (calls:correct and submissions:write). */
  canFix?: boolean;
  /** The four-eyes request, under the batch's heading. */
  approvalPanel?: ReactNode;
}) {
  const t = useTranslations("submissions.detail");
  const tv = useTranslations("views.batch");
  const fmt = useFormat();
  const describeSelection = useDescribeSelection();
  const kind = useBatchKind();
  const id = initial.batch.id;
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ selection: Selection; label: string } | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [bulkFix, setBulkFix] = useState<{ failureCode: string | null; label: string } | null>(null);
  const { data } = useQuery({
    queryKey: submissionKeys.batch(id),
    queryFn: async (): Promise<BatchDetailView> => {
      const res = await fetch(`/api/submissions/${id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      return res.json();
    },
    initialData: initial,
    // Until nothing of the batch waits or is on the wire: a cancelled batch's last calls still settle.
    // A batch waiting for approval is watched more slowly: someone else decides, and the page must show it.
    refetchInterval: (q) =>
      q.state.data && batchNeedsPolling(q.state.data.batch)
        ? 1_000
        : q.state.data?.batch.status === "awaiting_approval"
          ? 3_000
          : false,
  });
  const router = useRouter();
  const decided = initial.batch.status === "awaiting_approval" && data.batch.status !== "awaiting_approval";
  // The approval panel is rendered by the server: once someone decided, it is read again (who, when, the comment).
  useEffect(() => {
    if (decided) router.refresh();
  }, [decided, router]);
  const control = useMutation({
    mutationFn: async (what: "cancel" | "resume") => {
      unwrap(
        what === "cancel" ? await cancelSubmissionBatch({ batchId: id }) : await resumeSubmissionBatch({ batchId: id }),
      );
    },
    onSuccess: (_data, what) => {
      if (what === "cancel") setConfirmCancel(false);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: submissionKeys.batch(id) }),
  });
  const askCancel = () => {
    control.reset();
    setConfirmCancel(true);
  };
  const b = data.batch;
  const failed = b.counts.rejected + b.counts.failed;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center gap-3">
        <BackLink href="/submissions">{t("back")}</BackLink>
        <h1 className="text-xl font-semibold tracking-tight">{t("heading", { id: b.id })}</h1>
        <BatchStatus batch={b} />
        <div className="ml-auto flex gap-2">
          {canControl && b.status === "paused" ? (
            <button type="button" onClick={() => control.mutate("resume")} className={secondaryButton}>
              {t("resume")}
            </button>
          ) : null}
          {canControl && (b.status === "running" || b.status === "paused") ? (
            <button type="button" onClick={askCancel} className={stopButton}>
              {t("cancel")}
            </button>
          ) : null}
        </div>
      </header>
      {approvalPanel}
      <FailureLine error={confirmCancel ? null : control.error} className="text-sm text-red-700" />
      {b.status === "paused" && b.pausedReason ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">{t("pausedTitle")}</p>
          <p className="mt-1">{b.pausedReason}</p>
          <p className="mt-1">{t("pausedHelp")}</p>
        </div>
      ) : null}
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <p className="text-sm text-slate-600">
          {t("summary", {
            kind: kind(b.kind),
            what: describeSelection(b.selection),
            by: b.createdBy,
            at: fmt.dateTime(b.createdAt),
            resend: b.resendAccepted ? t("resendAccepted") : "",
          })}
        </p>
        <BatchProgressBar batch={b} />
        <BatchCounts batch={b} />
        <Link
          href={`/calls?batch=${b.id}`}
          className="inline-block text-sm font-medium text-sky-700 hover:underline"
          data-testid="batch-records"
        >
          {tv("filterTitle", { id: b.id })} ({fmt.count(b.total)})
        </Link>
        {/* Waiting for approval, or ended by its approver: nothing was sent, there is no rate or ETA to give. */}
        {(APPROVAL_STATUSES as readonly string[]).includes(b.status) ? null : (
          <p className="text-sm text-slate-600">
            {t("stats", {
              records: b.total,
              rate: b.estimating
                ? t("estimating")
                : b.throughput
                  ? t("answersPerSecond", { rate: fmt.decimal(b.throughput) })
                  : t("noAnswers", { seconds: RATE_WINDOW_SECONDS }),
              eta: b.estimating ? t("estimating") : fmt.estimate(b.etaSeconds),
            })}
          </p>
        )}
      </section>

      <FailureGroups
        batchId={id}
        failures={data.failures}
        failed={failed}
        canControl={canControl}
        canFix={canFix}
        onResubmit={setDialog}
        onFix={setBulkFix}
      />
      {bulkFix ? (
        <BulkFixDialog
          batchId={id}
          failureCode={bulkFix.failureCode}
          label={bulkFix.label}
          onClose={() => setBulkFix(null)}
        />
      ) : null}
      {confirmCancel ? <CancelBatchDialog batch={b} control={control} onClose={() => setConfirmCancel(false)} /> : null}
      {dialog ? (
        <PreSubmitDialog
          selection={dialog.selection}
          label={dialog.label}
          onlyFailures
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}

/** Asks before cancelling the batch, saying how many of its calls still wait, are on the wire and were answered. */
function CancelBatchDialog({
  batch,
  control,
  onClose,
}: {
  batch: BatchView;
  control: UseMutationResult<void, Error, "cancel" | "resume">;
  onClose: () => void;
}) {
  const tc = useTranslations("confirm.cancelBatch");
  return (
    <MutationConfirmDialog
      testId="cancel-batch-dialog"
      title={tc("title", { id: batch.id })}
      confirmLabel={tc("confirm")}
      mutation={control}
      input="cancel"
      onClose={onClose}
    >
      <p>
        {tc("body", {
          waiting: batch.counts.queued + batch.counts.retrying,
          inFlight: batch.counts.in_flight,
          answered: batch.counts.accepted + batch.counts.rejected + batch.counts.failed,
        })}
      </p>
    </MutationConfirmDialog>
  );
}
