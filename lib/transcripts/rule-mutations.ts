import "server-only";
import { prisma } from "../db/client";
import type { PhraseRuleInput } from "./rule-schema";

/**
 * Writes to phrase_rules. Ingest reads the enabled rules per batch, so a
 * change applies to records ingested after it; stored records keep their
 * findings (the compliance recheck does not run phrase rules).
 */

function data(input: PhraseRuleInput) {
  return {
    name: input.name,
    kind: input.kind,
    pattern: input.pattern,
    isRegex: input.isRegex,
    speaker: input.speaker,
    // Sorted and unique: the stored list reads the same however it was typed.
    jobIds: [...new Set(input.jobIds)].map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    enabled: input.enabled,
  };
}

export async function createPhraseRule(input: PhraseRuleInput): Promise<bigint> {
  const row = await prisma.phraseRule.create({ data: data(input), select: { id: true } });
  return row.id;
}

/** false: no such rule. */
export async function updatePhraseRule(id: bigint, input: PhraseRuleInput): Promise<boolean> {
  const n = await prisma.phraseRule.updateMany({ where: { id }, data: { ...data(input), updatedAt: new Date() } });
  return n.count > 0;
}

export async function setPhraseRuleEnabled(id: bigint, enabled: boolean): Promise<boolean> {
  const n = await prisma.phraseRule.updateMany({ where: { id }, data: { enabled, updatedAt: new Date() } });
  return n.count > 0;
}

/** The deleted rule's name, for the audit entry (null: no such rule). */
export async function deletePhraseRule(id: bigint): Promise<string | null> {
  const rows = await prisma.phraseRule.findMany({ where: { id }, select: { name: true } });
  if (rows.length === 0) return null;
  await prisma.phraseRule.deleteMany({ where: { id } });
  return rows[0]!.name;
}
