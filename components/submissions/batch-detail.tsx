"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { useFormat } from "@/components/ui/use-format";
import { useState } from "react";
import { cancelSubmissionBatch, resumeSubmissionBatch } from "@/lib/submissions/actions";
import type { Selection } from "@/lib/submissions/selection";
import { submissionKeys, type BatchDetailView } from "@/lib/submissions/views";
import { BatchCounts, BatchProgressBar, BatchStatus, useBatchKind, useDescribeSelection } from "./batch-progress";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { batchNeedsPolling, RATE_WINDOW_SECONDS } from "@/lib/submissions/views";
import { PreSubmitDialog } from "./pre-submit-dialog";
import { BulkFixDialog } from "@/components/corrections/bulk-fix-dialog";
import { APPROVAL_STATUSES } from "@/lib/approvals/status";
import { TableHead, Th } from "@/components/ui/table";

export function BatchDetail({
  initial,
  canControl,
  canFix = false,
}: {
  initial: BatchDetailView;
  canControl: boolean;
  /** Bulk fix of a failure group (calls:correct and submissions:write). */
  canFix?: boolean;
}) {
  const t = useTranslations("submissions.detail");
  const tc = useTranslations("confirm.cancelBatch");
  const tv = useTranslations("views.batch");
  const fmt = useFormat();
  const errorText = useErrorText();
  const describeSelection = useDescribeSelection();
  const kind = useBatchKind();
  const id = initial.batch.id;
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ selection: Selection; label: string } | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [bulkFix, setBulkFix] = useState<{ failureCode: string | null; label: string } | null>(null);
  const tf = useTranslations("corrections");
  const { data } = useQuery({
    queryKey: submissionKeys.batch(id),
    queryFn: async (): Promise<BatchDetailView> => {
      const res = await fetch(`/api/submissions/${id}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      return res.json();
    },
    initialData: initial,
    // Until nothing of the batch waits or is on the wire: a cancelled batch's last calls still settle.
    refetchInterval: (q) => (q.state.data && batchNeedsPolling(q.state.data.batch) ? 1_000 : false),
  });
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
  const b = data.batch;
  const failed = b.counts.rejected + b.counts.failed;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center gap-3">
        <Link href="/submissions" className="text-sm text-sky-700 hover:underline">
          {t("back")}
        </Link>
        <h1 className="text-xl font-semibold tracking-tight">{t("heading", { id: b.id })}</h1>
        <BatchStatus batch={b} />
        <div className="ml-auto flex gap-2">
          {canControl && b.status === "paused" ? (
            <button
              type="button"
              onClick={() => control.mutate("resume")}
              className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
            >
              {t("resume")}
            </button>
          ) : null}
          {canControl && (b.status === "running" || b.status === "paused") ? (
            <button
              type="button"
              onClick={() => {
                control.reset();
                setConfirmCancel(true);
              }}
              className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-800 hover:bg-red-50"
            >
              {t("cancel")}
            </button>
          ) : null}
        </div>
      </header>
      {control.isError && !confirmCancel ? (
        <p role="alert" className="text-sm text-red-700">
          {errorText(control.error)}
        </p>
      ) : null}
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

      <section aria-labelledby="failures" className="space-y-3">
        <div className="flex items-center gap-3">
          <h2 id="failures" className="font-semibold">
            {t("failures")}
          </h2>
          {canControl && failed ? (
            <button
              type="button"
              onClick={() =>
                setDialog({
                  selection: { type: "batch", batchId: id },
                  label: t("resubmitAllLabel", { count: fmt.count(failed), id }),
                })
              }
              className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50"
            >
              {t("resubmitAll")}
            </button>
          ) : null}
        </div>
        {data.failures.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noFailures")}</p>
        ) : (
          <table className="min-w-full rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
            <caption className="sr-only">{t("failuresCaption")}</caption>
            <TableHead>
              <tr>
                <Th>{t("outcome")}</Th>
                <Th>{t("code")}</Th>
                <Th>{t("message")}</Th>
                <Th align="right">{t("records")}</Th>
                <Th>{t("examples")}</Th>
                <Th>
                  <span className="sr-only">{t("actions")}</span>
                </Th>
              </tr>
            </TableHead>
            <tbody className="divide-y divide-slate-100">
              {data.failures.map((g) => (
                <tr key={`${g.state}-${g.code}-${g.message}`} data-testid="failure-group">
                  <td className="px-3 py-2">{g.state === "failed" ? t("givenUp") : t("rejected")}</td>
                  <td className="px-3 py-2 font-mono text-xs">{g.code ?? "–"}</td>
                  <td className="px-3 py-2">{g.message ?? "–"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{fmt.count(g.count)}</td>
                  <td className="px-3 py-2">
                    {g.sampleIds.map((s) => (
                      <Link
                        key={s}
                        href={`/calls/${s}`}
                        className="mr-2 font-mono text-xs text-sky-700 hover:underline"
                      >
                        {s}
                      </Link>
                    ))}
                  </td>
                  <td className="px-3 py-2">
                    {canControl ? (
                      <button
                        type="button"
                        onClick={() =>
                          setDialog({
                            selection: { type: "batch", batchId: id, failureCode: g.code },
                            label: t("resubmitGroupLabel", {
                              count: fmt.count(g.count),
                              code: g.code ?? t("noCode"),
                              message: g.message ?? "",
                            }),
                          })
                        }
                        className="text-sm font-medium text-sky-700 underline"
                      >
                        {t("resubmitGroup")}
                      </button>
                    ) : null}
                    {canFix ? (
                      <button
                        type="button"
                        onClick={() =>
                          setBulkFix({
                            failureCode: g.code,
                            label: t("resubmitGroupLabel", {
                              count: fmt.count(g.count),
                              code: g.code ?? t("noCode"),
                              message: g.message ?? "",
                            }),
                          })
                        }
                        className="ml-3 text-sm font-medium text-sky-700 underline"
                      >
                        {tf("fixGroup")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {bulkFix ? (
        <BulkFixDialog
          batchId={id}
          failureCode={bulkFix.failureCode}
          label={bulkFix.label}
          onClose={() => setBulkFix(null)}
        />
      ) : null}
      {confirmCancel ? (
        <ConfirmDialog
          testId="cancel-batch-dialog"
          title={tc("title", { id: b.id })}
          confirmLabel={tc("confirm")}
          pending={control.isPending}
          error={control.isError ? errorText(control.error) : null}
          onConfirm={() => control.mutate("cancel")}
          onClose={() => setConfirmCancel(false)}
        >
          <p>
            {tc("body", {
              waiting: b.counts.queued + b.counts.retrying,
              inFlight: b.counts.in_flight,
              answered: b.counts.accepted + b.counts.rejected + b.counts.failed,
            })}
          </p>
        </ConfirmDialog>
      ) : null}
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
