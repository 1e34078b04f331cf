import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EMPTY_PHRASE_RULE, PhraseRuleForm } from "@/components/phrase-rules/phrase-rule-form";
import { PhraseRuleToggle } from "@/components/phrase-rules/phrase-rule-toggle";
import { PhraseRecheck } from "@/components/phrase-rules/phrase-recheck";
import { requireUser } from "@/lib/auth/current";
import { lastPhraseRecheckQueuedAt, pendingPhraseRechecks, phraseRulesUncheckedSince } from "@/lib/compliance/data";
import { listPhraseRules } from "@/lib/transcripts/data";
import { ListTable } from "@/components/ui/list-table";
import { MissingParamNotice } from "@/components/ui/missing-param-notice";
import type { SearchParams } from "@/components/ui/page-props";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return { title: (await getTranslations("transcripts.rules"))("title") };
}

/**
 * /admin/phrase-rules[?edit=<id>]: the phrase rules ingest checks transcripts
 * against, the form for a new one (or the one being edited), and the recheck
 * that applies them to stored transcripts (with a notice, from what is stored,
 * while a rule change has no recheck queued after it).
 */
export default async function PhraseRulesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser("phrases:manage");
  const [rules, pending, unchecked, lastQueued, t] = await Promise.all([
    listPhraseRules(),
    pendingPhraseRechecks(),
    phraseRulesUncheckedSince(),
    lastPhraseRecheckQueuedAt(),
    getTranslations("transcripts.rules"),
  ]);
  const { edit } = await searchParams;
  const editing = typeof edit === "string" ? rules.find((r) => r.id.toString() === edit) : undefined;
  return (
    <div className="max-w-5xl space-y-4">
      <MissingParamNotice param="edit" value={edit} found={editing !== undefined} />
      <ListTable
        text={{ title: t("title"), intro: t("intro"), empty: t("empty") }}
        introTestId="phrase-rules-intro"
        empty={rules.length === 0}
        caption={t("title")}
        columns={(["name", "kind", "pattern", "speaker", "jobs", "enabled", "actions"] as const).map((c) => t(c))}
      >
        {rules.map((r) => (
          <tr key={r.id.toString()} data-testid="phrase-rule-row">
            <td className="px-3 py-2 font-medium">{r.name}</td>
            <td className="px-3 py-2">{t(`kinds.${r.kind}`)}</td>
            <td className="max-w-xs break-all px-3 py-2 font-mono text-xs">
              {r.pattern}
              {r.isRegex ? <span className="ml-1 text-slate-500">({t("isRegex")})</span> : null}
            </td>
            <td className="px-3 py-2">{t(`speakers.${r.speaker}`)}</td>
            <td className="px-3 py-2 font-mono text-xs">{r.jobIds.length ? r.jobIds.join(", ") : t("allJobs")}</td>
            <td className="px-3 py-2">{r.enabled ? t("state.on") : t("state.off")}</td>
            <td className="flex items-center gap-2 px-3 py-2">
              <Link
                href={`/admin/phrase-rules?edit=${r.id}`}
                aria-label={`${t("edit")}: ${r.name}`}
                className="text-sky-700 underline"
              >
                {t("edit")}
              </Link>
              <PhraseRuleToggle ruleId={r.id.toString()} name={r.name} enabled={r.enabled} />
            </td>
          </tr>
        ))}
      </ListTable>
      {editing ? (
        <PhraseRuleForm
          key={`edit-${editing.id}`}
          ruleId={editing.id.toString()}
          initial={{
            name: editing.name,
            kind: editing.kind,
            pattern: editing.pattern,
            isRegex: editing.isRegex,
            speaker: editing.speaker,
            jobIds: editing.jobIds.join(", "),
            enabled: editing.enabled,
          }}
        />
      ) : (
        <PhraseRuleForm key="new" initial={EMPTY_PHRASE_RULE} />
      )}
      <PhraseRecheck
        pending={pending.map((p) => ({ queuedAt: p.queuedAt.toISOString(), started: p.started }))}
        changed={unchecked !== null}
        lastQueuedAt={lastQueued?.toISOString() ?? null}
      />
    </div>
  );
}
