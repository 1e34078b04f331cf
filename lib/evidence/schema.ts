import { z } from "zod";
import { isCalendarDay, positiveInt64IdSchema } from "../input/schema";

/**
 * The parameters of an evidence export: which record or job's day, and why
 * (the reason goes on the audit trail with the export).
 */

export const REASON_MIN = 5;
export const REASON_MAX = 500;

export const evidenceReason = z
  .string({ error: "is required: say why the bundle is exported" })
  .trim()
  .min(REASON_MIN, `must be at least ${REASON_MIN} characters: say why the bundle is exported`)
  .max(REASON_MAX, `must be at most ${REASON_MAX} characters`);

export const evidenceId = positiveInt64IdSchema().transform((s) => BigInt(s));

export const evidenceDay = z
  .string({ error: "is required (yyyy-MM-dd)" })
  .refine(isCalendarDay, "must be a calendar date yyyy-MM-dd");

export interface ParamProblem {
  param: string;
  message: string;
}

/** Parses the named values; every bad one is reported by name (a route answers 400 naming them). */
export function parseEvidenceParams<S extends Record<string, z.ZodType>>(
  schemas: S,
  values: Record<keyof S, string | null | undefined>,
): { ok: true; value: { [K in keyof S]: z.output<S[K]> } } | { ok: false; errors: ParamProblem[] } {
  const out: Record<string, unknown> = {};
  const errors: ParamProblem[] = [];
  for (const [param, schema] of Object.entries(schemas)) {
    const r = schema.safeParse(values[param] ?? undefined);
    if (r.success) out[param] = r.data;
    else errors.push({ param, message: r.error.issues[0]?.message ?? "is invalid" });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out as { [K in keyof S]: z.output<S[K]> } };
}
