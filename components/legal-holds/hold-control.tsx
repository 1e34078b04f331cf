"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFormat } from "@/components/ui/use-format";
import { removeLegalHoldAction, setLegalHoldAction } from "@/lib/legal-holds/actions";

export interface HoldView {
  reason: string;
  setByEmail: string | null;
  setAt: string;
}

/** A record's legal hold: shown to supervisors; set or removed with a reason (removing asks first). */
export function LegalHoldControl({
  callRecordId,
  hold,
  canWrite,
}: {
  callRecordId: string;
  hold: HoldView | null;
  canWrite: boolean;
}) {
  const t = useTranslations("retention.hold");
  const f = useFormat();
  const errorText = useErrorText();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const change = useMutation({
    mutationFn: async () =>
      unwrap(
        hold
          ? await removeLegalHoldAction({ callRecordId, reason })
          : await setLegalHoldAction({ callRecordId, reason }),
      ),
    onSuccess: () => {
      setReason("");
      setConfirming(false);
      router.refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (hold) setConfirming(true);
    else change.mutate();
  };
  return (
    <section
      aria-labelledby="legal-hold-title"
      data-testid="legal-hold"
      className={`space-y-2 rounded border p-3 text-sm ${hold ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
    >
      <h2 id="legal-hold-title" className="font-semibold">
        {t("title")}
      </h2>
      {hold ? (
        <p data-testid="legal-hold-status">
          {t("held", { who: hold.setByEmail ?? "–", when: f.dateTime(hold.setAt) })}{" "}
          <span className="italic">“{hold.reason}”</span>
        </p>
      ) : (
        <p className="text-slate-600">{t("notHeld")}</p>
      )}
      {canWrite ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <label className="grow">
            <span className="block text-slate-700">{hold ? t("removeReason") : t("reason")}</span>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              minLength={5}
              maxLength={500}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <button
            type="submit"
            disabled={change.isPending}
            className="rounded bg-slate-800 px-3 py-1.5 font-medium text-white hover:bg-slate-900 disabled:opacity-50"
          >
            {hold ? t("remove") : t("set")}
          </button>
        </form>
      ) : null}
      <FailureLine error={confirming ? null : change.error} text={errorText} />
      {confirming ? (
        <ConfirmDialog
          title={t("confirmTitle")}
          confirmLabel={t("remove")}
          pending={change.isPending}
          error={change.isError ? errorText(change.error) : null}
          onConfirm={() => change.mutate()}
          onClose={() => setConfirming(false)}
        >
          <p>{t("confirmBody")}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
