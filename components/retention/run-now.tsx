"use client";

import { useTranslations } from "next-intl";
import { useReauth } from "@/components/account/use-reauth";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { runRetentionNow } from "@/lib/retention/actions";
import { dangerButton } from "@/components/ui/styles";

/** "Run now", after a confirmation: the worker starts the run within a minute. */
export function RunRetentionNow() {
  const t = useTranslations("retention.runNow");
  const errorText = useErrorText();
  const reauth = useReauth();
  const { action: run, ...confirm } = useConfirmedAction({
    run: async () => unwrap(await runRetentionNow({})),
    onError: reauth.check,
  });
  return (
    <>
      <button type="button" onClick={confirm.ask} className={dangerButton}>
        {t("button")}
      </button>
      {run.isSuccess ? (
        <p role="status" className="text-sm text-slate-700">
          {t("started")}
        </p>
      ) : null}
      {confirm.dialog({
        title: t("title"),
        confirmLabel: t("confirm"),
        error: run.isError && !reauth.needed ? errorText(run.error) : null,
        testId: "retention-run-now",
        children: (
          <>
            <p>{t("body")}</p>
            {reauth.prompt(
              () => run.mutate(),
              () => run.reset(),
            )}
          </>
        ),
      })}
    </>
  );
}
