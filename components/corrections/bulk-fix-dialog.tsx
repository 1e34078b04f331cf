"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { unwrap } from "@/components/ui/action-error";
import { useFormat } from "@/components/ui/use-format";
import { fixGroupAndResubmit, previewGroupFix } from "@/lib/corrections/actions";
import type { CorrectableField } from "@/lib/corrections/fields";
import { FieldValueInputs, ReasonInput } from "./correction-inputs";
import type { PlanView } from "@/lib/corrections/views";
import { PayloadDiff } from "./payload-diff";
import { PendingSubmit } from "@/components/ui/pending-submit";
import { FailureLine } from "@/components/ui/failure-line";
import { DialogCloseButton } from "@/components/ui/dialog-close-button";
import { ApprovalNotice } from "@/components/approvals/approval-notice";

/**
 * Bulk fix of one failure group: choose a field and its new value (or compute
 * end_time), preview the count and the first records' diffs, then correct
 * every record and resubmit the group in one step.
 */
export function BulkFixDialog({
  batchId,
  failureCode,
  label,
  onClose,
}: {
  batchId: string;
  failureCode: string | null;
  label: string;
  onClose: () => void;
}) {
  const t = useTranslations("corrections");
  const uid = useId();
  const fmt = useFormat();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<"set" | "end_from_duration">("set");
  const [field, setField] = useState<CorrectableField>("result_status");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [plan, setPlan] = useState<PlanView | null>(null);
  useEffect(() => ref.current?.showModal(), []);

  const input = () => ({
    batchId,
    failureCode,
    field: mode === "end_from_duration" ? ("end_time" as const) : field,
    mode,
    value: value.trim() === "" ? null : value,
    reason,
  });
  const preview = useMutation({
    mutationFn: async () => unwrap(await previewGroupFix(input())),
    onSuccess: setPlan,
  });
  const apply = useMutation({
    mutationFn: async () => unwrap(await fixGroupAndResubmit(input())),
    onSuccess: ({ batchId: created }) => router.push(`/submissions/${created}`),
  });
  const changed = () => setPlan(null);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="bulk-fix-title"
      data-testid="bulk-fix-dialog"
      className="m-auto w-full max-w-3xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form
        className="space-y-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          preview.mutate();
        }}
      >
        <h2 id="bulk-fix-title" className="text-lg font-semibold">
          {t("bulkTitle")}
        </h2>
        <p className="text-sm text-slate-700">{label}</p>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{t("bulkHow")}</legend>
          <label className="mr-4">
            <input type="radio" name="mode" checked={mode === "set"} onChange={() => (setMode("set"), changed())} />{" "}
            {t("modeSet")}
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              checked={mode === "end_from_duration"}
              onChange={() => (setMode("end_from_duration"), changed())}
            />{" "}
            {t("modeEndFromDuration")}
          </label>
        </fieldset>
        <div className="flex flex-wrap gap-3">
          {mode === "set" ? (
            <>
              <FieldValueInputs
                uid={uid}
                field={field}
                value={value}
                onField={(f) => (setField(f), changed())}
                onValue={(v) => (setValue(v), changed())}
              />
              <p id={`${uid}-hint`} className="w-full text-xs text-slate-600">
                {t("valueHint")}
              </p>
            </>
          ) : null}
          <ReasonInput value={reason} onChange={(v) => (setReason(v), changed())} />
        </div>
        {preview.isPending ? <p className="text-sm text-slate-600">{t("previewing")}</p> : null}
        {plan ? (
          <div className="space-y-2" data-testid="bulk-fix-preview">
            <p className="text-sm" data-testid="bulk-fix-count">
              {plan.total
                ? t("planSummary", { total: fmt.count(plan.total), changing: fmt.count(plan.changing) })
                : t("planEmpty")}
            </p>
            {plan.pendingBatchId ? (
              <p role="alert" className="text-sm text-violet-900" data-testid="bulk-fix-pending">
                {t.rich("planPending", {
                  id: plan.pendingBatchId,
                  batch: (chunks) => (
                    <Link href={`/submissions/${plan.pendingBatchId}`} className="font-medium underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : plan.needsApproval && plan.total && !plan.invalid ? (
              <ApprovalNotice className="rounded border border-violet-200 bg-violet-50 p-2 text-sm text-violet-900" />
            ) : null}
            {plan.invalid ? (
              <div role="alert" className="text-sm text-red-700">
                <p>{t("planInvalid", { count: fmt.count(plan.invalid) })}</p>
                <ul>
                  {plan.invalidSamples.map((s) => (
                    <li key={s.callRecordId}>
                      {s.callRecordId}: {s.errors.map((e) => `${e.field} ${e.message}`).join("; ")}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {/* Focusable: a keyboard user scrolls the diffs too. */}
            <div
              role="group"
              tabIndex={0}
              aria-label={t("previewRegion")}
              className="max-h-80 space-y-2 overflow-y-auto"
            >
              {plan.preview.map((p) => (
                <PayloadDiff
                  key={p.call_record_id}
                  payload={p}
                  caption={t("previewCaption", { id: p.call_record_id })}
                />
              ))}
            </div>
          </div>
        ) : null}
        <FailureLine error={preview.error ?? apply.error} className="text-sm text-red-700" />
        <div className="flex justify-end gap-2">
          <DialogCloseButton dialog={ref} className="rounded border border-slate-300 px-3 py-1 text-sm">
            {t("close")}
          </DialogCloseButton>
          <PendingSubmit
            pending={preview.isPending}
            className="rounded border border-sky-700 px-3 py-1 text-sm text-sky-800"
          >
            {t("preview")}
          </PendingSubmit>
          <button
            type="button"
            // Stays disabled once it succeeded: the page is on its way to the new batch (a second click would ask twice).
            disabled={
              !plan ||
              plan.invalid > 0 ||
              plan.total === 0 ||
              plan.pendingBatchId !== null ||
              apply.isPending ||
              apply.isSuccess
            }
            onClick={() => apply.mutate()}
            className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
          >
            {t("apply", { count: plan?.total ?? 0 })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
