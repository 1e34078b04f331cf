"use client";

import { useTranslations } from "next-intl";
import { dangerButton } from "@/components/ui/styles";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="font-semibold text-red-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-red-800">
        {error.digest ? t("withReference", { digest: error.digest }) : error.message}
      </p>
      <button type="button" onClick={reset} className={`mt-4 ${dangerButton}`}>
        {t("retry")}
      </button>
    </div>
  );
}
