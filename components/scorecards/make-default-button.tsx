"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { unwrap } from "@/components/ui/action-error";
import { setDefaultScorecardAction } from "@/lib/scorecards/actions";
import { FailureLine } from "@/components/ui/failure-line";

/** Makes a scorecard the default (the previous default stops being one). */
export function MakeDefaultButton({ scorecardId, name }: { scorecardId: string; name: string }) {
  const t = useTranslations("scorecards.admin");
  const router = useRouter();
  const make = useMutation({
    mutationFn: async () => unwrap(await setDefaultScorecardAction({ scorecardId })),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <button
        type="button"
        onClick={() => make.mutate()}
        disabled={make.isPending}
        aria-label={`${t("makeDefault")}: ${name}`}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50"
      >
        {t("makeDefault")}
      </button>
      <FailureLine error={make.error} as="span" className="text-xs text-red-700" />
    </>
  );
}
