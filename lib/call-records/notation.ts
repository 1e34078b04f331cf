/**
 * One way to write the things every page shows, shared by the server and the
 * browser (no zod, no database): an intent is its name with `tagId:code`
 * (the `/calls?intent=` value), e.g. `有还款意愿 (730001:1)`.
 */

export const intentCode = (tagId: bigint | string, code: number | bigint) => `${tagId.toString()}:${code.toString()}`;

export function intentText(i: {
  tagId: bigint | string | null;
  code: number | null;
  name: string | null;
}): string | null {
  if (i.tagId === null || i.code === null) return i.name ?? (i.code === null ? null : `#${i.code}`);
  return `${i.name ?? `#${i.code}`} (${intentCode(i.tagId, i.code)})`;
}

/** The vendor result statuses the console has a label for (docs/top-protocol.md); any other value is shown as it is. */
export const KNOWN_RESULT_STATUSES = [
  "ANSWERED",
  "NO_ANSWER",
  "POWER_OFF",
  "BUSY",
  "REFUSED",
  "OUT_OF_SERVICE",
  "CAN_NOT_CONNECT",
  "VACANT_NUMBER",
  "CALL_LOSS",
  "TRANSFER_ARTIFICIAL",
  "FROM_PHONE_ERROR",
  "SYSTEM_ERROR",
] as const;

export function isKnownResultStatus(s: string): s is (typeof KNOWN_RESULT_STATUSES)[number] {
  return (KNOWN_RESULT_STATUSES as readonly string[]).includes(s);
}

/** A job as lists show it: its name beside the id, or the bare id. */
export function jobText(id: bigint | string, name: string | null | undefined): string {
  return name ? `${name} (${id.toString()})` : id.toString();
}
