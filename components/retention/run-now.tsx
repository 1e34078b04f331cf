"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useReauth } from "@/components/account/use-reauth";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { runRetentionNow } from "@/lib/retention/actions";

/** "Run now", after a confirmation: the worker starts the run within a minute. */
export function RunRetentionNow() {
  const t = useTranslations("retention.runNow");
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const reauth = useReauth();
  const run = useMutation({
    mutationFn: async () => unwrap(await runRetentionNow({})),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
    onError: reauth.check,
  });
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      >
        {t("button")}
      </button>
      {run.isSuccess ? (
        <p role="status" className="text-sm text-slate-700">
          {t("started")}
        </p>
      ) : null}
      {open ? (
        <ConfirmDialog
          title={t("title")}
          confirmLabel={t("confirm")}
          pending={run.isPending}
          error={run.isError && !reauth.needed ? errorText(run.error) : null}
          onConfirm={() => run.mutate()}
          onClose={() => setOpen(false)}
          testId="retention-run-now"
        >
          <p>{t("body")}</p>
          {reauth.prompt(
            () => run.mutate(),
            () => run.reset(),
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
