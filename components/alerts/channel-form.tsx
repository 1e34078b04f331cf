"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useReauth } from "@/components/account/use-reauth";
import { ActionFailure, unwrap, useErrorText } from "@/components/ui/action-error";
import { FailureLine } from "@/components/ui/failure-line";
import { StackedInput, StackedSelect, TextField } from "@/components/ui/form-controls";
import { createAlertChannel, updateAlertChannel } from "@/lib/alerts/actions";
import type { ChannelView } from "@/lib/alerts/data";
import { CHANNEL_TYPES, SUBSCRIBABLE_KINDS, type ChannelType } from "@/lib/alerts/kinds";
import { PendingSubmit } from "@/components/ui/pending-submit";

const input = "rounded border border-slate-300 px-2 py-1";
const primary = "rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-60";

/** What the form starts from: never the secret itself, only whether there is one. */
export type ChannelFormValues = Pick<ChannelView, "name" | "type" | "url" | "events" | "enabled" | "hasSecret">;

type SecretChoice = "keep" | "replace" | "remove";

/**
 * A channel's form: creates one (no `channelId`) or changes it. The secret is
 * write-only: the field starts empty, says whether one is set, and a new value
 * replaces it. A secret the console generated is shown once, right after saving.
 */
export function ChannelForm({ channelId, initial }: { channelId?: string; initial: ChannelFormValues }) {
  const t = useTranslations("alerts");
  const errorText = useErrorText();
  const router = useRouter();
  const [form, setForm] = useState({ ...initial, secret: "" });
  const [secretChoice, setSecretChoice] = useState<SecretChoice>("keep");
  const [generated, setGenerated] = useState<{ id: string; secret: string } | null>(null);
  const reauth = useReauth();
  const describe = (err: Error) =>
    err instanceof ActionFailure && err.code === "name_taken" ? t("errors.name_taken") : errorText(err);

  const save = useMutation({
    mutationFn: async () => {
      if (!channelId)
        return unwrap(
          await createAlertChannel({
            name: form.name,
            type: form.type,
            url: form.url,
            secret: form.secret,
            events: form.events,
            enabled: form.enabled,
          }),
        );
      const secret = secretChoice === "remove" ? null : secretChoice === "replace" ? form.secret : undefined;
      return unwrap(
        await updateAlertChannel({
          channelId,
          patch: { name: form.name, url: form.url, events: form.events, secret },
        }),
      );
    },
    onSuccess: (data) => {
      setForm((f) => ({ ...f, secret: "" }));
      setSecretChoice("keep");
      // A generated secret is shown here once, so the page stays; the list above it still shows the new channel.
      if (data.generatedSecret) setGenerated({ id: data.id, secret: data.generatedSecret });
      if (channelId || data.generatedSecret) router.refresh();
      else router.push(`/admin/alerts/${data.id}`);
    },
    onError: reauth.check,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const toggleEvent = (kind: string) =>
    setForm((f) => ({
      ...f,
      events: f.events.includes(kind) ? f.events.filter((k) => k !== kind) : [...f.events, kind],
    }));

  if (generated && !channelId)
    return <GeneratedSecret secret={generated.secret} href={`/admin/alerts/${generated.id}`} />;
  const idp = channelId ? `channel-${channelId}` : "channel-new";
  return (
    <>
      <form
        onSubmit={submit}
        aria-labelledby={`${idp}-title`}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      >
        <h2 id={`${idp}-title`} className="font-medium">
          {channelId ? t("form.editTitle") : t("form.newTitle")}
        </h2>
        {generated ? <GeneratedSecret secret={generated.secret} /> : null}
        <TextField
          label={t("form.name")}
          value={form.name}
          onChange={(name) => setForm((f) => ({ ...f, name }))}
          maxLength={100}
        />
        <StackedSelect
          label={t("form.type")}
          value={form.type}
          disabled={!!channelId}
          aria-describedby={channelId ? `${idp}-type-hint` : undefined}
          onChange={(e) => setForm((f) => ({ ...f, type: e.target.value as ChannelType, secret: "" }))}
          options={CHANNEL_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        >
          {channelId ? (
            <span id={`${idp}-type-hint`} className="text-xs text-slate-500">
              {t("form.typeFixed")}
            </span>
          ) : null}
        </StackedSelect>
        <StackedInput
          label={t("form.url")}
          required
          type="url"
          maxLength={2000}
          value={form.url}
          onChange={(e) => setForm((f) => ({ ...f, url: e.target.value }))}
          className="font-mono"
          aria-describedby={`${idp}-url-hint`}
        >
          <span id={`${idp}-url-hint`} className="text-xs text-slate-500">
            {t("form.urlHint")}
          </span>
        </StackedInput>
        <SecretField
          idp={idp}
          type={form.type}
          editing={!!channelId}
          hasSecret={initial.hasSecret}
          value={form.secret}
          choice={secretChoice}
          onChange={(secret, choice) => {
            setForm((f) => ({ ...f, secret }));
            setSecretChoice(choice);
          }}
        />
        <fieldset className="space-y-1">
          <legend className="font-medium">{t("form.events")}</legend>
          <p className="text-xs text-slate-500">{t("form.eventsHint")}</p>
          {SUBSCRIBABLE_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2">
              <input type="checkbox" checked={form.events.includes(kind)} onChange={() => toggleEvent(kind)} />
              {t(`kinds.${kind}`)} <code className="text-xs text-slate-500">{kind}</code>
            </label>
          ))}
        </fieldset>
        {/* On a channel's page, on/off is the button beside "Send test". */}
        {channelId ? null : (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={form.enabled}
              onChange={(e) => setForm((f) => ({ ...f, enabled: e.target.checked }))}
            />
            {t("form.enabled")}
          </label>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <PendingSubmit pending={save.isPending} busy={t("form.saving")} className={primary}>
            {channelId ? t("form.save") : t("form.create")}
          </PendingSubmit>
          {save.isSuccess && channelId ? <span role="status">{t("form.saved")}</span> : null}
        </div>
        <FailureLine error={reauth.needed ? null : save.error} text={describe} />
      </form>
      {reauth.prompt(
        () => save.mutate(),
        () => save.reset(),
      )}
    </>
  );
}

function SecretField(props: {
  idp: string;
  type: ChannelType;
  editing: boolean;
  hasSecret: boolean;
  value: string;
  choice: SecretChoice;
  /** A typed secret replaces the one set (none typed keeps it), unless it is to be removed. */
  onChange: (value: string, choice: SecretChoice) => void;
}) {
  const t = useTranslations("alerts.form");
  const hint = `${props.idp}-secret-hint`;
  if (props.type === "wecom") return <p className="text-xs text-slate-500">{t("secretHint.wecom")}</p>;
  return (
    <div className="space-y-1">
      <label className="flex flex-col gap-1">
        {props.editing ? t("secretReplace") : t("secret")}
        <input
          type="password"
          autoComplete="off"
          maxLength={200}
          value={props.value}
          disabled={props.choice === "remove"}
          onChange={(e) => props.onChange(e.target.value, e.target.value ? "replace" : "keep")}
          className={`${input} font-mono`}
          aria-describedby={hint}
        />
      </label>
      <p id={hint} className="text-xs text-slate-500">
        {props.editing ? (
          <span data-testid="secret-state">{props.hasSecret ? t("secretSet") : t("secretNotSet")} </span>
        ) : null}
        {t(`secretHint.${props.type}`)}
      </p>
      {props.editing && (props.hasSecret || props.type === "webhook") ? (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={props.choice === "remove"}
            onChange={(e) =>
              props.onChange(props.value, e.target.checked ? "remove" : props.value ? "replace" : "keep")
            }
          />
          {props.type === "webhook" ? t("secretRegenerate") : t("secretRemove")}
        </label>
      ) : null}
    </div>
  );
}

/** A secret the console generated, shown this once. */
function GeneratedSecret({ secret, href }: { secret: string; href?: string }) {
  const t = useTranslations("alerts.generated");
  return (
    <section
      aria-labelledby="generated-secret-title"
      role="status"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <h2 id="generated-secret-title" className="font-medium">
        {t("title")}
      </h2>
      <p>{t("body")}</p>
      <code data-testid="generated-secret" className="block break-all rounded bg-white p-2 font-mono text-xs">
        {secret}
      </code>
      {href ? (
        <Link href={href} className="text-sky-700 underline">
          {t("open")}
        </Link>
      ) : null}
    </section>
  );
}
