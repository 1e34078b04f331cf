"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { StackedInput, StackedSelect } from "@/components/ui/form-controls";
import { useReauth } from "./use-reauth";
import { createApiToken, createSourceToken, revokeApiToken, revokeSourceToken } from "@/lib/api-tokens/actions";
import { EXPIRY_DAYS } from "@/lib/api-tokens/expiry";
import { InlineForm } from "@/components/ui/inline-form";
import { PendingSubmit } from "@/components/ui/pending-submit";

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

/** The token just created: `keep` it once saved; `view` shows it (once) until the user says done. */
function useCreatedToken() {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  return {
    keep: (name: string, token: string) => setCreated({ name, token }),
    view: (message: (name: string) => string) =>
      created ? (
        <ShownOnce message={message(created.name)} token={created.token} onDone={() => setCreated(null)} />
      ) : null,
  };
}

export function CreateTokenForm() {
  const t = useTranslations("tokens.create");
  const router = useRouter();
  const [form, setForm] = useState({ name: "", readOnly: false, days: "90" });
  const created = useCreatedToken();
  // A new token is a new credential: an old proof of identity is asked for again, then the creation retried.
  const reauth = useReauth();
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await createApiToken({
          name: form.name,
          readOnly: form.readOnly,
          expiresInDays: form.days ? Number(form.days) : undefined,
        }),
      ),
    onError: reauth.check,
    onSuccess: (data) => {
      created.keep(form.name, data.token);
      setForm({ name: "", readOnly: false, days: "90" });
      router.refresh();
    },
  });
  return (
    <>
      <InlineForm label={t("label")} onSubmit={() => create.mutate()} error={reauth.needed ? null : create.error}>
        <StackedInput
          label={t("name")}
          placeholder={t("namePlaceholder")}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          required
          maxLength={100}
        />
        <StackedSelect
          label={t("expiry")}
          value={form.days}
          onChange={(e) => setForm({ ...form, days: e.target.value })}
          options={
            <>
              {EXPIRY_DAYS.map((d) => (
                <option key={d} value={String(d)}>
                  {t("days", { days: d })}
                </option>
              ))}
              <option value="">{t("never")}</option>
            </>
          }
        />
        <label className="flex items-center gap-2 py-1">
          <input
            type="checkbox"
            checked={form.readOnly}
            onChange={(e) => setForm({ ...form, readOnly: e.target.checked })}
          />
          {t("readOnly")}
        </label>
        <PendingSubmit pending={create.isPending} busy={t("pending")} className={primary}>
          {t("submit")}
        </PendingSubmit>
        {created.view((name) => t("shownOnce", { name }))}
      </InlineForm>
      {reauth.prompt(
        () => create.mutate(),
        () => create.reset(),
      )}
    </>
  );
}

export function CreateIngestTokenForm() {
  const t = useTranslations("tokens.ingest");
  const router = useRouter();
  const [name, setName] = useState("");
  const created = useCreatedToken();
  const create = useMutation({
    mutationFn: async () => unwrap(await createSourceToken({ name })),
    onSuccess: (data) => {
      created.keep(name, data.token);
      setName("");
      router.refresh();
    },
  });
  return (
    <InlineForm label={t("submit")} onSubmit={() => create.mutate()} error={create.error}>
      <StackedInput label={t("name")} required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
      <PendingSubmit pending={create.isPending} className={primary}>
        {t("submit")}
      </PendingSubmit>
      {created.view((name) => t("shownOnce", { name }))}
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
      <FailureLine error={revoke.error} text={errorText} className="text-xs text-red-700" />
    </div>
  );
}
