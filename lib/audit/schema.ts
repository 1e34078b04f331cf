import { z } from "zod";
import { dayOrInstantSchema, int64IdSchema, isCalendarDay, parseInstant, textSchema } from "../input/schema";

/** /audit filters, from the URL (the page and the CSV export). */
export const auditFiltersSchema = z.object({
  user: textSchema.pipe(z.string().trim().max(254)).optional(),
  action: textSchema.pipe(z.string().trim().max(100)).optional(),
  from: dayOrInstantSchema.optional(),
  to: dayOrInstantSchema.optional(),
  /** Keyset: entries older than this id. */
  before: int64IdSchema.optional(),
  /** The page of newer events just above this id ("previous", keyset backwards). */
  after: int64IdSchema.optional(),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export interface ParsedAuditFilters {
  filters: AuditFilters;
  /** Parameters that were ignored, and why (the page lists them; the export answers 400). */
  errors: { param: string; message: string; value?: string }[];
}

/**
 * Parses the audit filters one parameter at a time: an invalid one is
 * dropped and reported, the others still apply. A repeated parameter takes
 * its first value.
 */
export function parseAuditFilters(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): ParsedAuditFilters {
  const get = (key: string): string | undefined => {
    if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
    const v = input[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const filters: AuditFilters = {};
  const errors: ParsedAuditFilters["errors"] = [];
  for (const key of Object.keys(auditFiltersSchema.shape) as (keyof AuditFilters)[]) {
    const value = get(key);
    if (value === undefined || value === "") continue;
    const parsed = auditFiltersSchema.shape[key].safeParse(value);
    if (parsed.success) {
      if (parsed.data) filters[key] = parsed.data;
    } else
      errors.push({
        param: key,
        message: parsed.error.issues[0]?.message ?? "is not valid",
        value: value.replace(/\u0000/g, "\\0"),
      });
  }
  if (filters.from && filters.to && lowerBound(filters.from) >= upperBound(filters.to)) {
    errors.push({ param: "to", message: "must not be before from", value: filters.to });
    delete filters.to;
  }
  return { filters, errors };
}

/** The audit trail's days are UTC days (the trail is kept in UTC). */
export function lowerBound(from: string): Date {
  return isCalendarDay(from) ? new Date(`${from}T00:00:00Z`) : parseInstant(from)!;
}
export function upperBound(to: string): Date {
  return isCalendarDay(to) ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : parseInstant(to)!;
}
