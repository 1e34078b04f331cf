/**
 * What TOP holds for a record's intent: the intent of the DTO in the last
 * accepted attempt's parameters (exactly what was sent). Compared with a
 * reviewer's later correction, it tells whether the platform still has the
 * received value and the record needs resending.
 */

export interface IntentValue {
  tagId: string | null;
  code: number | null;
  name: string | null;
}

interface AttemptLike {
  id: bigint;
  outcome: string;
  params: unknown;
}

export function platformIntent(attempts: readonly AttemptLike[]): IntentValue | null {
  const accepted = [...attempts]
    .filter((a) => a.outcome === "accepted")
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))[0];
  if (!accepted || !accepted.params || typeof accepted.params !== "object") return null;
  const raw = (accepted.params as Record<string, unknown>).ivr_call_record_d_t_o;
  if (typeof raw !== "string") return null;
  // The DTO's ints were sent as JSON numbers; ids up to 2^63 are read as text to stay exact.
  const tag = /"intent_level_tag_id":\s*(-?\d+|null)/.exec(raw)?.[1];
  const code = /"intent_level_code":\s*(-?\d+|null)/.exec(raw)?.[1];
  let name: string | null = null;
  try {
    const parsed = JSON.parse(raw) as { intent_level_detail_name?: unknown };
    name = typeof parsed.intent_level_detail_name === "string" ? parsed.intent_level_detail_name : null;
  } catch {
    return null;
  }
  return { tagId: tag && tag !== "null" ? tag : null, code: code && code !== "null" ? Number(code) : null, name };
}

/** True when the record was accepted with an intent other than the corrected one now stored. */
export function correctionNotOnPlatform(
  state: string,
  corrected: { tagId: bigint | string | null; code: number | null },
  onPlatform: IntentValue | null,
): boolean {
  if (state !== "accepted" || corrected.tagId === null || corrected.code === null) return false;
  if (!onPlatform) return true;
  return onPlatform.tagId !== corrected.tagId.toString() || onPlatform.code !== corrected.code;
}
