"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useReauth } from "@/components/account/use-reauth";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type Removal = { ok: true; data: unknown } | { ok: false; code: string; message: string };

/**
 * A delete button that asks first, says a failure in the dialog, and goes to
 * `then` once the thing is gone (its own page no longer exists). An action
 * that asks for the password again gets the prompt inside the dialog.
 */
export function DeleteWithConfirm({
  text,
  remove,
  then,
  testId,
}: {
  text: { button: string; title: string; confirm: string; body: string };
  remove: () => Promise<Removal>;
  then: string;
  testId?: string;
}) {
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const reauth = useReauth();
  const del = useMutation({
    mutationFn: async () => unwrap(await remove()),
    onSuccess: () => router.push(then),
    onError: reauth.check,
  });
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50"
      >
        {text.button}
      </button>
      {open ? (
        <ConfirmDialog
          title={text.title}
          confirmLabel={text.confirm}
          pending={del.isPending}
          error={del.error && !reauth.needed ? errorText(del.error) : null}
          onConfirm={() => del.mutate()}
          onClose={() => setOpen(false)}
          testId={testId}
        >
          <p>{text.body}</p>
          {reauth.prompt(
            () => del.mutate(),
            () => del.reset(),
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** `DeleteWithConfirm` for a named thing whose texts are the `button`, `title`, `confirm` and `body` of `messages`. */
export function DeleteNamed({
  messages,
  name,
  ...rest
}: {
  messages: "rules.delete" | "alerts.delete";
  name: string;
  remove: () => Promise<Removal>;
  then: string;
  testId?: string;
}) {
  const t = useTranslations(messages);
  return (
    <DeleteWithConfirm
      text={{ button: t("button"), title: t("title"), confirm: t("confirm"), body: t("body", { name }) }}
      {...rest}
    />
  );
}
