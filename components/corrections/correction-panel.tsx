"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { textButton } from "@/components/ui/styles";
import { MutationConfirmDialog } from "@/components/ui/mutation-confirm-dialog";
import { useFormat } from "@/components/ui/use-format";
import { correctRecord, withdrawRecordCorrection } from "@/lib/corrections/actions";
import { FieldValueInputs, ReasonInput } from "./correction-inputs";
import type { PayloadView } from "@/lib/corrections/views";
import { PayloadDiff } from "./payload-diff";
import { PendingSubmit } from "@/components/ui/pending-submit";

/** The record page's correction: the payload diff, the correction in place, a form to correct a field, and withdrawal. */
export function CorrectionPanel({ initial, canCorrect }: { initial: PayloadView; canCorrect: boolean }) {
  const t = useTranslations("corrections");
  const uid = useId();
  const fmt = useFormat();
  const errorText = useErrorText();
  const router = useRouter();
  const [payload, setPayload] = useState(initial);
  const [field, setField] = useState<string>("end_time");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const id = payload.call_record_id;

  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await correctRecord({ callRecordId: id, fields: { [field]: value.trim() === "" ? null : value }, reason }),
      ),
    onSuccess: (answer) => {
      if (!answer.saved) return setErrors(answer.errors);
      setErrors([]);
      setValue("");
      setPayload(answer.payload);
      router.refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: async () => unwrap(await withdrawRecordCorrection({ callRecordId: id })),
    onSuccess: (answer) => {
      setPayload(answer.payload);
      setConfirmWithdraw(false);
      router.refresh();
    },
  });
  const c = payload.correction;

  return (
    <section aria-labelledby="correction-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="correction-heading" className="font-semibold">
        {t("heading")}
      </h2>
      {c ? (
        <div className="space-y-1 text-sm" data-testid="correction-status">
          <p>
            {t("correctedBy", {
              fields: c.fields.join(", "),
              by: c.corrected_by,
              at: fmt.dateTime(new Date(c.corrected_at)),
            })}
          </p>
          <p className="text-slate-600">{t("reasonIs", { reason: c.reason })}</p>
          {c.repushed_at ? (
            <p role="status" className="text-amber-800" data-testid="correction-repushed">
              {t("repushed", { at: fmt.dateTime(new Date(c.repushed_at)) })}
            </p>
          ) : null}
          {canCorrect ? (
            <button type="button" onClick={() => setConfirmWithdraw(true)} className={textButton}>
              {t("withdraw")}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("none")}</p>
      )}
      <PayloadDiff payload={payload} caption={t("diffCaption")} />
      {canCorrect ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <FieldValueInputs uid={uid} field={field} value={value} onField={setField} onValue={setValue} />
          <ReasonInput value={reason} onChange={setReason} />
          <PendingSubmit
            pending={save.isPending}
            busy={t("saving")}
            className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
          >
            {t("save")}
          </PendingSubmit>
          <p id={`${uid}-hint`} className="w-full text-xs text-slate-600">
            {t("valueHint")}
          </p>
        </form>
      ) : null}
      {errors.length || save.isError ? (
        <ul role="alert" className="text-sm text-red-700" data-testid="correction-errors">
          {errors.map((e) => (
            <li key={e.field}>{t("fieldError", { field: e.field, message: e.message })}</li>
          ))}
          {save.isError ? <li>{errorText(save.error)}</li> : null}
        </ul>
      ) : null}
      {confirmWithdraw ? (
        <MutationConfirmDialog
          testId="withdraw-correction-dialog"
          title={t("withdrawTitle", { id })}
          confirmLabel={t("withdrawConfirm")}
          mutation={withdraw}
          onClose={() => setConfirmWithdraw(false)}
        >
          <p>{t("withdrawBody")}</p>
        </MutationConfirmDialog>
      ) : null}
    </section>
  );
}
