"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionFailure, unwrap, useErrorText } from "@/components/ui/action-error";
import { ReauthPrompt } from "./reauth-prompt";
import { createApiToken, createSourceToken, revokeApiToken, revokeSourceToken } from "@/lib/api-tokens/actions";
import { EXPIRY_DAYS } from "@/lib/api-tokens/expiry";
import { InlineForm } from "@/components/ui/inline-form";

const input = "rounded border border-slate-300 px-2 py-1";
const primary = "rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-60";

/** The token, once: with a copy button, until the user says done. */
function ShownOnce({ message, token, onDone }: { message: string; token: string; onDone: () => void }) {
  const t = useTranslations("tokens.create");
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="w-full space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
      <p>{message}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="new-token" className="select-all break-all rounded bg-white px-2 py-1 font-mono text-xs">
          {token}
        </code>
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(token).then(() => setCopied(true))}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-xs"
        >
          {copied ? t("copied") : t("copy")}
        </button>
        <button type="button" onClick={onDone} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs">
          {t("done")}
        </button>
      </div>
    </div>
  );
}

export function CreateTokenForm() {
  const t = useTranslations("tokens.create");
  const errorText = useErrorText();
  const router = useRouter();
  const [form, setForm] = useState({ name: "", readOnly: false, days: "90" });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  // A new token is a new credential: an old proof of identity is asked for again, then the creation retried.
  const [reauth, setReauth] = useState(false);
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await createApiToken({
          name: form.name,
          readOnly: form.readOnly,
          expiresInDays: form.days ? Number(form.days) : undefined,
        }),
      ),
    onError: (err) => setReauth(err instanceof ActionFailure && err.code === "reauth_required"),
    onSuccess: (data) => {
      setCreated({ name: form.name, token: data.token });
      setForm({ name: "", readOnly: false, days: "90" });
      router.refresh();
    },
  });
  return (
    <>
      <InlineForm
        label={t("label")}
        onSubmit={() => create.mutate()}
        error={create.isError && !reauth ? errorText(create.error) : null}
      >
        <label className="flex flex-col gap-1">
          {t("name")}
          <input
            required
            maxLength={100}
            value={form.name}
            placeholder={t("namePlaceholder")}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            className={input}
          />
        </label>
        <label className="flex flex-col gap-1">
          {t("expiry")}
          <select value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} className={input}>
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={String(d)}>
                {t("days", { days: d })}
              </option>
            ))}
            <option value="">{t("never")}</option>
          </select>
        </label>
        <label className="flex items-center gap-2 py-1">
          <input
            type="checkbox"
            checked={form.readOnly}
            onChange={(e) => setForm({ ...form, readOnly: e.target.checked })}
          />
          {t("readOnly")}
        </label>
        <button type="submit" disabled={create.isPending} className={primary}>
          {create.isPending ? t("pending") : t("submit")}
        </button>
        {created ? (
          <ShownOnce
            message={t("shownOnce", { name: created.name })}
            token={created.token}
            onDone={() => setCreated(null)}
          />
        ) : null}
      </InlineForm>
      {reauth ? (
        <ReauthPrompt
          onConfirmed={() => {
            setReauth(false);
            create.mutate();
          }}
          onCancel={() => {
            setReauth(false);
            create.reset();
          }}
        />
      ) : null}
    </>
  );
}

export function CreateIngestTokenForm() {
  const t = useTranslations("tokens.ingest");
  const errorText = useErrorText();
  const router = useRouter();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation({
    mutationFn: async () => unwrap(await createSourceToken({ name })),
    onSuccess: (data) => {
      setCreated({ name, token: data.token });
      setName("");
      router.refresh();
    },
  });
  return (
    <InlineForm
      label={t("submit")}
      onSubmit={() => create.mutate()}
      error={create.isError ? errorText(create.error) : null}
    >
      <label className="flex flex-col gap-1">
        {t("name")}
        <input required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} className={input} />
      </label>
      <button type="submit" disabled={create.isPending} className={primary}>
        {t("submit")}
      </button>
      {created ? (
        <ShownOnce
          message={t("shownOnce", { name: created.name })}
          token={created.token}
          onDone={() => setCreated(null)}
        />
      ) : null}
    </InlineForm>
  );
}

/** Revoke, after a confirmation in place. */
export function RevokeButton({ kind, tokenId, name }: { kind: "personal" | "ingest"; tokenId: string; name: string }) {
  const t = useTranslations("tokens");
  const errorText = useErrorText();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: async () =>
      unwrap(kind === "personal" ? await revokeApiToken({ tokenId }) : await revokeSourceToken({ tokenId })),
    onSuccess: () => {
      setConfirming(false);
      router.refresh();
    },
  });
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="text-sm font-medium text-red-700 underline">
        {t("revoke")}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-label={t("confirmRevoke", { name })} className="space-y-1 text-sm">
      <p>{t("confirmRevoke", { name })}</p>
      <div className="flex gap-2">
        <button
          type="button"
          autoFocus
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
          className="rounded bg-red-700 px-2 py-1 text-xs font-medium text-white"
        >
          {t("confirm")}
        </button>
        <button
          type="button"
          onClick={() => setConfirming(false)}
          className="rounded border border-slate-300 px-2 py-1 text-xs"
        >
          {t("cancel")}
        </button>
      </div>
      {revoke.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {errorText(revoke.error)}
        </p>
      ) : null}
    </div>
  );
}
