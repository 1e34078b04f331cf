import { maskName, maskPhone } from "./mask";

/**
 * Personal data and credentials in text the console did not write itself:
 * the parameters of a TOP call as sent, the platform's answers and error
 * messages, audit details. Everything shown or returned from these goes
 * through here, and every phone number and name through maskPhone/maskName
 * (the one masking function); the full values only ever come from the
 * audited reveal (lib/privacy/actions.ts).
 */

/** Parameters that authenticate a call: never stored (session) nor shown (any of them). */
const CREDENTIAL_PARAM = /^(session|sign|app_secret|secret|access_token|refresh_token|token|password)$/i;
export const REDACTED = "[redacted]";

/** Mainland mobile numbers (optionally +86), not inside a longer run of digits. */
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;

/** The personal values of the record a text is about, masked wherever they occur in it. */
export interface KnownPersonalData {
  phone?: string | null;
  name?: string | null;
}

/** `text` with the record's own number and name masked, and any other mobile number too. */
export function maskText(text: string, known: KnownPersonalData = {}): string {
  let out = text;
  for (const [value, mask] of [
    [known.phone?.trim(), maskPhone],
    [known.name?.trim(), maskName],
  ] as const) {
    if (value && value.length >= 2) out = out.split(value).join(mask(value) ?? "");
  }
  return out.replace(MOBILE, (m) => maskPhone(m) ?? "");
}

function maskDto(json: string, known: KnownPersonalData): string {
  let dto: unknown;
  try {
    dto = JSON.parse(json);
  } catch {
    return maskText(json, known);
  }
  if (dto === null || typeof dto !== "object" || Array.isArray(dto)) return maskText(json, known);
  const masked: Record<string, unknown> = { ...(dto as Record<string, unknown>) };
  if (typeof masked.called_phone_number === "string")
    masked.called_phone_number = maskPhone(masked.called_phone_number);
  if (typeof masked.name === "string") masked.name = maskName(masked.name);
  // The other fields (properties above all) may hold the number or the name again.
  return maskText(JSON.stringify(masked), known);
}

/** The parameters of a TOP call as people may see them: credentials replaced, personal data masked. */
export function maskTopParams(params: unknown, known: KnownPersonalData = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (params === null || typeof params !== "object" || Array.isArray(params)) return out;
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "");
    out[key] = CREDENTIAL_PARAM.test(key)
      ? REDACTED
      : key === "ivr_call_record_d_t_o"
        ? maskDto(text, known)
        : maskText(text, known);
  }
  return out;
}

/** The parameters of a TOP call as they may be stored: without the session (a credential of the seller). */
export function storableTopParams(params: Readonly<Record<string, string>>): Record<string, string> {
  const { session: _session, ...rest } = params;
  return rest;
}

/** Any JSON value (audit details, API answers) with phone numbers masked in every string and credentials replaced. */
export function maskJson(value: unknown, known: KnownPersonalData = {}): unknown {
  if (typeof value === "string") return maskText(value, known);
  if (Array.isArray(value)) return value.map((v) => maskJson(v, known));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        CREDENTIAL_PARAM.test(k)
          ? REDACTED
          : k === "called_phone_number" || k === "calledPhoneNumber"
            ? maskPhone(typeof v === "string" ? v : null)
            : maskJson(v, known),
      ]),
    );
  }
  return value;
}

const lastDigits = (value: string) => value.replace(/\D/g, "").slice(-11);

/**
 * `text` with every mobile number masked except the record's own (an
 * evidence bundle holds its record's numbers in full, and no other record's).
 */
export function maskOtherNumbers(text: string, own: readonly (string | null | undefined)[]): string {
  const keep = new Set(own.filter((v): v is string => !!v).map(lastDigits));
  return text.replace(MOBILE, (m) => (keep.has(lastDigits(m)) ? m : (maskPhone(m) ?? "")));
}

/** A JSON value with maskOtherNumbers applied to every string and credentials replaced. */
export function maskOtherNumbersJson(value: unknown, own: readonly (string | null | undefined)[]): unknown {
  if (typeof value === "string") return maskOtherNumbers(value, own);
  if (Array.isArray(value)) return value.map((v) => maskOtherNumbersJson(v, own));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        CREDENTIAL_PARAM.test(k) ? REDACTED : maskOtherNumbersJson(v, own),
      ]),
    );
  }
  return value;
}
