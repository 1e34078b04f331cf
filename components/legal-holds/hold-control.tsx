"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { useFormat } from "@/components/ui/use-format";
import { removeLegalHoldAction, setLegalHoldAction } from "@/lib/legal-holds/actions";
import { PendingSubmit } from "@/components/ui/pending-submit";

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
  const [reason, setReason] = useState("");
  // Setting a hold runs at once; removing one asks first.
  const { action: change, ...confirm } = useConfirmedAction({
    run: async () =>
      unwrap(
        hold
          ? await removeLegalHoldAction({ callRecordId, reason })
          : await setLegalHoldAction({ callRecordId, reason }),
      ),
    onSuccess: () => setReason(""),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (hold) confirm.ask();
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
          <PendingSubmit
            pending={change.isPending}
            className="rounded bg-slate-800 px-3 py-1.5 font-medium text-white hover:bg-slate-900 disabled:opacity-50"
          >
            {hold ? t("remove") : t("set")}
          </PendingSubmit>
        </form>
      ) : null}
      <FailureLine error={confirm.open ? null : change.error} text={errorText} />
      {confirm.dialog({
        title: t("confirmTitle"),
        confirmLabel: t("remove"),
        error: change.isError ? errorText(change.error) : null,
        children: <p>{t("confirmBody")}</p>,
      })}
    </section>
  );
}
