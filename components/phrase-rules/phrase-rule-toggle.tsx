"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { unwrap } from "@/components/ui/action-error";
import { setPhraseRuleEnabledAction } from "@/lib/transcripts/actions";
import { FailureLine } from "@/components/ui/failure-line";

/** Turns a rule on or off in its row of the list. */
export function PhraseRuleToggle({ ruleId, name, enabled }: { ruleId: string; name: string; enabled: boolean }) {
  const t = useTranslations("transcripts.rules");
  const router = useRouter();
  const toggle = useMutation({
    mutationFn: async () => unwrap(await setPhraseRuleEnabledAction({ ruleId, enabled: !enabled })),
    // The page then says that stored transcripts see the change after a recheck.
    onSuccess: () => router.push("/admin/phrase-rules"),
  });
  return (
    <>
      <button
        type="button"
        onClick={() => toggle.mutate()}
        disabled={toggle.isPending}
        aria-label={`${enabled ? t("disable") : t("enable")}: ${name}`}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60"
      >
        {enabled ? t("disable") : t("enable")}
      </button>
      <FailureLine error={toggle.error} as="span" className="block text-xs text-red-700" />
    </>
  );
}
