"use client";

import { useTranslations } from "next-intl";
import { useRefreshingMutation } from "@/components/account/use-refreshing-mutation";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { DeleteNamed } from "@/components/ui/delete-with-confirm";
import { deleteAlertChannel, sendTestAlertAction, setAlertChannelEnabled } from "@/lib/alerts/actions";
import { secondaryButton } from "@/components/ui/styles";

const secondary = `${secondaryButton} disabled:opacity-60`;

/** "Send test", after a confirmation: the answer of its first attempt, and the log refreshed. */
export function SendTestAlert({ channelId, name }: { channelId: string; name: string }) {
  const t = useTranslations("alerts.test");
  const errorText = useErrorText();
  const { action: send, ...confirm } = useConfirmedAction({
    run: async () => unwrap(await sendTestAlertAction({ channelId })),
  });
  return (
    <>
      <button type="button" className={secondary} onClick={confirm.ask} disabled={send.isPending}>
        {send.isPending ? t("sending") : t("button")}
      </button>
      {send.data ? (
        <p role="status" data-testid="test-outcome" className="text-sm text-slate-700">
          {t(send.data.outcome)}
        </p>
      ) : null}
      {confirm.dialog({
        title: t("title"),
        confirmLabel: t("confirm"),
        error: send.error ? errorText(send.error) : null,
        testId: "alert-send-test",
        children: <p>{t("body", { name })}</p>,
      })}
    </>
  );
}

/** On/off without opening the form: a channel that is off receives nothing but its own tests. */
export function ToggleAlertChannel({ channelId, enabled }: { channelId: string; enabled: boolean }) {
  const t = useTranslations("alerts.toggle");
  const errorText = useErrorText();
  const { mutation: toggle, reauth } = useRefreshingMutation(async () =>
    unwrap(await setAlertChannelEnabled({ channelId, enabled: !enabled })),
  );
  return (
    <>
      <button type="button" className={secondary} onClick={() => toggle.mutate()} disabled={toggle.isPending}>
        {enabled ? t("disable") : t("enable")}
      </button>
      <FailureLine error={reauth.needed ? null : toggle.error} text={errorText} className="text-sm text-red-700" />
      {reauth.prompt(
        () => toggle.mutate(),
        () => toggle.reset(),
      )}
    </>
  );
}

/** Deleting asks first: the channel and its delivery log go. */
export function DeleteAlertChannel({ channelId, name }: { channelId: string; name: string }) {
  return (
    <DeleteNamed
      messages="alerts.delete"
      name={name}
      remove={() => deleteAlertChannel({ channelId })}
      then="/admin/alerts"
      testId="alert-delete"
    />
  );
}
