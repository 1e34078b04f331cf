"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFormat } from "@/components/ui/use-format";
import { useDescribeSelection } from "@/components/submissions/batch-progress";
import { useApprovalReason } from "./use-approval-reason";
import { PayloadDiff } from "@/components/corrections/payload-diff";
import type { PayloadView } from "@/lib/corrections/views";
import { approveSubmission, rejectSubmission } from "@/lib/approvals/actions";
import type { ApprovalView } from "@/lib/approvals/views";
import { submissionKeys, type BatchView } from "@/lib/submissions/views";
import { TitledSection } from "@/components/ui/titled-section";

/** The decision buttons, in their order. */
const DECISIONS = [
  { decision: "approve", className: "rounded bg-emerald-700 px-3 py-1.5 font-medium text-white hover:bg-emerald-800" },
  { decision: "reject", className: "rounded border border-red-300 bg-white px-3 py-1.5 text-red-800 hover:bg-red-50" },
] as const;

/**
 * The four-eyes request of a batch: what was asked, why it waits, and (for
 * another supervisor or an admin) Approve / Reject. The requester sees that it
 * waits for someone else; the server refuses their decision anyway.
 */
export function ApprovalPanel({
  batch,
  approval,
  canDecide,
  isRequester,
}: {
  batch: Pick<BatchView, "id" | "status" | "total" | "selection">;
  approval: ApprovalView;
  canDecide: boolean;
  isRequester: boolean;
}) {
  const t = useTranslations("approval.panel");
  const reason = useApprovalReason();
  const ts = useTranslations("submissions.blocked");
  const fmt = useFormat();
  const describeSelection = useDescribeSelection();
  const [asking, setAsking] = useState<"approve" | "reject" | null>(null);
  const waiting = batch.status === "awaiting_approval" && approval.decision === null;
  const decided = (by: string | null, at: string | null) => ({ by: by ?? "–", at: at ? fmt.dateTime(at) : "–" });

  return (
    <TitledSection
      id="approval-title"
      title={t("title")}
      className="space-y-3 rounded-lg border border-violet-300 bg-violet-50 p-4 text-sm text-violet-950"
      titleClassName="font-semibold"
      testId="approval-panel"
    >
      <p>
        {t("requested", {
          by: approval.requestedBy,
          at: fmt.dateTime(approval.requestedAt),
          expires: fmt.dateTime(approval.expiresAt),
        })}
      </p>
      <p>{t("records", { count: fmt.count(batch.total) })}</p>
      <p>{t("selection", { what: describeSelection(batch.selection) })}</p>
      <div>
        <h3 className="font-medium">{t("reasons")}</h3>
        <ul className="list-disc pl-5">
          {approval.reasons.map((r) => (
            <li key={r}>{reason(r)}</li>
          ))}
        </ul>
      </div>
      {approval.heldBack ? (
        <div>
          <h3 className="font-medium">{t("heldBack")}</h3>
          {approval.heldBack.length ? (
            <ul className="list-disc pl-5">
              {approval.heldBack.map((h) => (
                <li key={h.code}>
                  {fmt.count(h.count)} ·{" "}
                  {ts.has(h.code as Parameters<typeof ts.has>[0]) ? ts(h.code as Parameters<typeof ts>[0]) : h.reason}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("noneHeldBack")}</p>
          )}
        </div>
      ) : null}
      {approval.diffSample ? (
        <div>
          <h3 id="approval-diff-sample" className="font-medium">
            {t("diffSample")}
          </h3>
          {asPayloads(approval.diffSample) ? (
            <div
              role="group"
              tabIndex={0}
              aria-labelledby="approval-diff-sample"
              className="max-h-96 space-y-2 overflow-y-auto"
            >
              {asPayloads(approval.diffSample)!.map((p) => (
                <PayloadDiff key={p.call_record_id} payload={p} caption={t("diffRecord", { id: p.call_record_id })} />
              ))}
            </div>
          ) : (
            <pre tabIndex={0} className="max-h-60 overflow-auto rounded bg-white p-2 text-xs text-slate-800">
              {JSON.stringify(approval.diffSample, null, 2)}
            </pre>
          )}
        </div>
      ) : null}
      {approval.decision === "approved" ? (
        <p>{t("approved", decided(approval.decidedBy, approval.decidedAt))}</p>
      ) : null}
      {approval.decision === "rejected" ? (
        <p>{t("rejected", decided(approval.decidedBy, approval.decidedAt))}</p>
      ) : null}
      {approval.decision === "expired" ? <p>{t("expired", { at: fmt.dateTime(approval.expiresAt) })}</p> : null}
      {approval.comment ? <p>{t("comment", { comment: approval.comment })}</p> : null}
      {waiting && isRequester ? <p data-testid="approval-waiting">{t("waitingForOther")}</p> : null}
      {waiting && !isRequester && !canDecide ? <p data-testid="approval-waiting">{t("waitingNoRight")}</p> : null}
      {waiting && canDecide && !isRequester ? (
        <div className="flex gap-2">
          {DECISIONS.map(({ decision, className }) => (
            <button key={decision} type="button" onClick={() => setAsking(decision)} className={className}>
              {t(decision)}
            </button>
          ))}
        </div>
      ) : null}
      {asking ? <DecisionDialog batch={batch} decision={asking} onClose={() => setAsking(null)} /> : null}
    </TitledSection>
  );
}

function DecisionDialog({
  batch,
  decision,
  onClose,
}: {
  batch: Pick<BatchView, "id" | "total">;
  decision: "approve" | "reject";
  onClose: () => void;
}) {
  const t = useTranslations("approval.confirm");
  const errorText = useErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const commentId = useId();
  const [comment, setComment] = useState("");
  const decide = useMutation({
    mutationFn: async () =>
      unwrap(
        decision === "approve"
          ? await approveSubmission({ batchId: batch.id, comment })
          : await rejectSubmission({ batchId: batch.id, comment }),
      ),
    onSuccess: async () => {
      onClose();
      await queryClient.invalidateQueries({ queryKey: submissionKeys.all });
      router.refresh();
    },
  });
  const reject = decision === "reject";
  return (
    <ConfirmDialog
      testId={`${decision}-batch-dialog`}
      title={t(reject ? "rejectTitle" : "approveTitle", { id: batch.id })}
      confirmLabel={t(reject ? "rejectConfirm" : "approveConfirm")}
      pending={decide.isPending}
      error={decide.isError ? errorText(decide.error) : null}
      confirmDisabled={reject && !comment.trim()}
      onConfirm={() => decide.mutate()}
      onClose={onClose}
    >
      <p>{reject ? t("rejectBody") : t("approveBody", { count: batch.total })}</p>
      <label htmlFor={commentId} className="mt-3 block text-sm font-medium">
        {t(reject ? "commentLabel" : "commentOptional")}
      </label>
      <textarea
        id={commentId}
        value={comment}
        required={reject}
        aria-describedby={reject ? `${commentId}-hint` : undefined}
        maxLength={2000}
        onChange={(e) => setComment(e.target.value)}
        className="mt-1 w-full rounded border border-slate-300 p-2 text-sm"
        rows={3}
      />
      {reject ? (
        <p id={`${commentId}-hint`} className="text-xs text-slate-600">
          {t("commentRequired")}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}

/** The bulk fix's diff sample as stored (payload views), or null for anything else (shown as JSON then). */
function asPayloads(sample: unknown): PayloadView[] | null {
  if (!Array.isArray(sample) || sample.length === 0) return null;
  const ok = sample.every(
    (p) =>
      typeof p === "object" &&
      p !== null &&
      typeof (p as PayloadView).call_record_id === "string" &&
      Array.isArray((p as PayloadView).diff),
  );
  return ok ? (sample as PayloadView[]) : null;
}
