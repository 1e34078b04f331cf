"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { revealContact } from "@/lib/privacy/actions";
import { useReauth } from "@/components/account/use-reauth";
import { unwrap } from "@/components/ui/action-error";
import { SubmitAndCancel } from "@/components/ui/pending-submit";
import { FailureLine } from "@/components/ui/failure-line";
import { textButton } from "@/components/ui/styles";

/** Shows one record's full number and name after the supervisor says why (audited). */
export function RevealContact({ callRecordId }: { callRecordId: string }) {
  const t = useTranslations("calls.reveal");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const reauth = useReauth();
  const reveal = useMutation({
    mutationFn: async () => {
      return unwrap(await revealContact({ callRecordId, reason }));
    },
    // Revealing is sensitive: an old proof of identity is asked for again, then the reveal retried.
    onError: (err) => reauth.check(err),
  });
  if (reveal.data) {
    return (
      <div data-testid="revealed" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
        <div>
          <span className="text-slate-600">{t("name")}</span> {reveal.data.name ?? "–"}
        </div>
        <div>
          <span className="text-slate-600">{t("called")}</span>{" "}
          <span className="font-mono">{reveal.data.calledPhoneNumber ?? "–"}</span>
        </div>
        <p className="mt-1 text-xs text-amber-900">{t("audited")}</p>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={textButton}>
        {t("open")}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reveal.mutate();
  };
  // The password prompt is a form of its own: it stands after this one, not inside it (a nested form's
  // submit would also submit the reveal).
  return (
    <>
      <form onSubmit={submit} className="space-y-2 text-sm">
        <label className="block">
          <span className="text-slate-700">{t("why")}</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={5}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
          />
        </label>
        {reauth.needed ? null : <FailureLine error={reveal.error} />}
        <SubmitAndCancel
          pending={reveal.isPending}
          className="rounded bg-amber-600 px-3 py-1 font-medium text-white hover:bg-amber-700"
          submit={t("reveal")}
          cancel={t("cancel")}
          onCancel={() => setOpen(false)}
        />
      </form>
      {reauth.prompt(
        () => reveal.mutate(),
        () => reveal.reset(),
      )}
    </>
  );
}
