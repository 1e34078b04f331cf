"use client";

import { useTranslations } from "next-intl";
import { ReasonDownload } from "@/components/ui/reason-download";

/**
 * Supervisors' export with full numbers and names: asks why first (the
 * reason goes on the audit trail with the export, as for revealing one
 * record), then downloads `/api/calls/export?<filter>&unmasked=true&reason=…`.
 */
export function ExportUnmasked({ filterQuery }: { filterQuery: string }) {
  const t = useTranslations("views.export");
  const params = [...new URLSearchParams(filterQuery).entries()];
  return (
    <ReasonDownload
      action="/api/calls/export"
      hidden={[...params, ["unmasked", "true"]]}
      labels={{
        button: t("unmasked"),
        title: t("title"),
        why: t("why"),
        note: t("note"),
        go: t("go"),
        cancel: t("cancel"),
      }}
      tone="warning"
      floating
      testIds={{ button: "export-unmasked" }}
    />
  );
}
