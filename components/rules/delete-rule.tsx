"use client";

import { useTranslations } from "next-intl";
import { DeleteWithConfirm } from "@/components/ui/delete-with-confirm";
import { deleteReportingRule } from "@/lib/rules/actions";

/** Deleting asks first: the rule stops sending, its batches stay. */
export function DeleteRule({ ruleId, name }: { ruleId: string; name: string }) {
  const t = useTranslations("rules.delete");
  return (
    <DeleteWithConfirm
      text={{ button: t("button"), title: t("title"), confirm: t("confirm"), body: t("body", { name }) }}
      remove={() => deleteReportingRule({ ruleId })}
      then="/rules"
    />
  );
}
