"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { unwrap } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { PendingSubmit } from "@/components/ui/pending-submit";
import { confirmTwoFactor, newRecoveryCodes, startTwoFactor } from "@/lib/account/actions";
import { useAccountErrorText } from "./account-error";
import { useReauth } from "./use-reauth";
import { textButton } from "@/components/ui/styles";

/** An account step's main button; a submit button greys out while it is disabled. */
const mainClass = "rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800";
const submitClass = `${mainClass} disabled:bg-slate-400`;

/** The recovery codes, shown once, with the step that leaves them. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("account.twoFactor");
  return (
    <section aria-label={t("codesHeading")} className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3">
      <h3 className="font-medium">{t("codesHeading")}</h3>
      <p>{t("codesIntro")}</p>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-1 font-mono">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <button type="button" onClick={onDone} className={mainClass}>
        {t("codesDone")}
      </button>
    </section>
  );
}

/** TOTP enrolment: the QR code and key, a code from the app to confirm, then the recovery codes. `next`: where the forced step goes afterwards. */
export function TwoFactorSetup({ next }: { next?: string }) {
  const t = useTranslations("account.twoFactor");
  const errorText = useAccountErrorText();
  const router = useRouter();
  const [code, setCode] = useState("");
  const start = useMutation({ mutationFn: async () => unwrap(await startTwoFactor({})) });
  const confirm = useMutation({ mutationFn: async () => unwrap(await confirmTwoFactor({ code })) });
  // After the enrolment step, a full load: the shell was drawn for a session that still owed it.
  const done = () => (next ? window.location.assign(next) : router.refresh());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate();
  };
  if (confirm.isSuccess) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={done} />;
  if (!start.isSuccess) {
    return (
      <div className="space-y-2">
        <PendingSubmit
          pending={start.isPending}
          busy={t("starting")}
          onClick={() => start.mutate()}
          className={submitClass}
        >
          {t("start")}
        </PendingSubmit>
        <FailureLine error={start.error} text={errorText} />
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-3">
      <p>{t("scan")}</p>
      {/* A data: URL drawn on the server: the secret goes to no third party, and the CSP allows data: images. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={start.data.qrDataUrl}
        alt={t("qrAlt")}
        width={200}
        height={200}
        className="rounded border border-slate-200 bg-white"
      />
      <p>
        {t("key")}:{" "}
        <code data-testid="totp-secret" className="select-all break-all rounded bg-slate-100 px-1 font-mono">
          {start.data.secret}
        </code>
      </p>
      <label className="flex max-w-xs flex-col gap-1">
        {t("code")}
        <input
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className="rounded border border-slate-300 px-2 py-1 font-mono"
        />
      </label>
      <FailureLine error={confirm.error} text={errorText} />
      <PendingSubmit pending={confirm.isPending} busy={t("confirming")} className={submitClass}>
        {t("confirm")}
      </PendingSubmit>
    </form>
  );
}

/** New recovery codes (asks for a recent proof first when the last one is old). */
export function RegenerateRecoveryCodes() {
  const t = useTranslations("account.twoFactor");
  const errorText = useAccountErrorText();
  const router = useRouter();
  const reauth = useReauth();
  const make = useMutation({
    mutationFn: async () => unwrap(await newRecoveryCodes({})),
    onError: reauth.check,
  });
  if (make.isSuccess)
    return (
      <RecoveryCodes
        codes={make.data.recoveryCodes}
        onDone={() => {
          make.reset();
          router.refresh();
        }}
      />
    );
  return (
    <div>
      <button
        type="button"
        disabled={make.isPending}
        onClick={() => window.confirm(t("regenerateConfirm")) && make.mutate()}
        className={textButton}
      >
        {t("regenerate")}
      </button>
      {reauth.prompt(
        () => make.mutate(),
        () => make.reset(),
      )}
      <FailureLine error={reauth.needed ? null : make.error} text={errorText} />
    </div>
  );
}
