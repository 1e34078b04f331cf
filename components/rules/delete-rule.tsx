"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { unwrap, useErrorText } from "@/components/ui/action-error";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteReportingRule } from "@/lib/rules/actions";

/** Deleting asks first: the rule stops sending, its batches stay. */
export function DeleteRule({ ruleId, name }: { ruleId: string; name: string }) {
  const t = useTranslations("rules.delete");
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const del = useMutation({
    mutationFn: async () => unwrap(await deleteReportingRule({ ruleId })),
    onSuccess: () => router.push("/rules"),
  });
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50"
      >
        {t("button")}
      </button>
      {open ? (
        <ConfirmDialog
          title={t("title")}
          confirmLabel={t("confirm")}
          pending={del.isPending}
          error={del.error ? errorText(del.error) : null}
          onConfirm={() => del.mutate()}
          onClose={() => setOpen(false)}
        >
          <p>{t("body", { name })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
