import "server-only";
import { prisma } from "../db/client";
import type { PhraseRuleDef, PhraseRuleKind, PhraseSpeaker } from "./phrase-check";
import type { Utterance } from "./schema";

/** The rules ingest checks: the enabled ones. */
export async function enabledPhraseRules(): Promise<PhraseRuleDef[]> {
  const rows = await prisma.phraseRule.findMany({ where: { enabled: true }, orderBy: { id: "asc" } });
  return rows.map(toDef);
}

/** Every rule, for the admin page. */
export async function listPhraseRules() {
  const rows = await prisma.phraseRule.findMany({ orderBy: [{ kind: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ ...toDef(r), enabled: r.enabled, updatedAt: r.updatedAt }));
}

function toDef(r: {
  id: bigint;
  name: string;
  kind: string;
  pattern: string;
  isRegex: boolean;
  speaker: string;
  jobIds: bigint[];
}): PhraseRuleDef {
  // The CHECK constraints hold kind and speaker to these values.
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as PhraseRuleKind,
    pattern: r.pattern,
    isRegex: r.isRegex,
    speaker: r.speaker as PhraseSpeaker,
    jobIds: r.jobIds,
  };
}

/** A record's transcript for its page and the review workbench (null: none was sent). */
export async function transcriptOf(recordId: bigint): Promise<Utterance[] | null> {
  const row = await prisma.callTranscript.findUnique({ where: { recordId }, select: { utterances: true } });
  // Stored only after lib/transcripts/schema.ts validated it.
  return row ? (row.utterances as unknown as Utterance[]) : null;
}

/** A record's phrase findings, for the transcript's marks. */
export async function phraseFindingsOf(recordId: bigint) {
  return prisma.complianceFinding.findMany({
    where: { recordId, kind: "phrase" },
    orderBy: { id: "asc" },
    select: { code: true, detail: true },
  });
}
