"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { unwrap } from "@/components/ui/action-error";
import { useFormat } from "@/components/ui/use-format";
import { recheckPhraseRulesAction } from "@/lib/transcripts/actions";
import { TitledSection } from "@/components/ui/titled-section";
import { FailureLine } from "@/components/ui/failure-line";

/**
 * Stored transcripts and the rules: a rule change applies to records ingested
 * after it, and a recheck (queued here, run by the worker in the background,
 * or `npm run compliance:recheck`) applies the current rules to the stored
 * ones. `changed`: a rule changed and no recheck covers it yet, so the page
 * says so (until one is queued, on every visit).
 */
export function PhraseRecheck({
  pending,
  changed,
  lastQueuedAt,
}: {
  pending: { queuedAt: string; started: boolean }[];
  changed: boolean;
  /** When the last recheck was queued: with none pending, it has finished. */
  lastQueuedAt: string | null;
}) {
  const t = useTranslations("transcripts.rules.recheck");
  const fmt = useFormat();
  const router = useRouter();
  const recheck = useMutation({
    mutationFn: async () => unwrap(await recheckPhraseRulesAction({})),
    onSuccess: () => router.refresh(),
  });
  const running = pending.find((p) => p.started);
  const waiting = pending.find((p) => !p.started);
  return (
    <TitledSection
      id="phrase-recheck-title"
      title={t("title")}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      testId="phrase-recheck"
    >
      {changed ? (
        <p
          role="status"
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900"
          data-testid="phrase-recheck-changed"
        >
          {t("changed")}
        </p>
      ) : null}
      <p className="text-slate-600">{t("how")}</p>
      <p data-testid="phrase-recheck-state">
        {running ? t("running") : null}
        {running && waiting ? " " : null}
        {waiting ? t("queued", { time: fmt.dateTime(waiting.queuedAt) }) : null}
        {!running && !waiting ? (lastQueuedAt ? t("finished", { time: fmt.dateTime(lastQueuedAt) }) : t("idle")) : null}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => recheck.mutate()}
          disabled={recheck.isPending}
          className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
          data-testid="phrase-recheck-button"
        >
          {t("button")}
        </button>
        {recheck.data ? (
          <span role="status" className="text-emerald-700">
            {recheck.data.queued ? t("queuedNow") : t("alreadyQueued")}
          </span>
        ) : null}
        <FailureLine error={recheck.error} as="span" />
      </div>
    </TitledSection>
  );
}
