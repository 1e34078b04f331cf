import { Prisma } from "../db/client";
import { COMPLIANCE_BIT, COMPLIANCE_KINDS, complianceMask, type ComplianceKind } from "./flags";

/** A `compliance=` value: a kind, or `any`. */
export type ComplianceFilter = ComplianceKind | "any";

/**
 * The condition of `compliance=` values over a `compliance_flags` column
 * (the records' or the rollups'): a call with any of the kinds. Spelled with
 * `compliance_flags <> 0` first so that the partial index of flagged calls
 * (call_records_flagged_start_time_idx) serves every value.
 */
export function complianceCondition(values: readonly ComplianceFilter[]): Prisma.Sql {
  const mask = values.includes("any")
    ? complianceMask(COMPLIANCE_KINDS)
    : complianceMask(values.filter((v): v is ComplianceKind => v !== "any"));
  if (mask === complianceMask(COMPLIANCE_KINDS)) return Prisma.sql`compliance_flags <> 0`;
  return Prisma.sql`(compliance_flags <> 0 AND (compliance_flags & ${mask}::int) <> 0)`;
}

/** The kinds and their bits as SQL rows `(kind, bit)`, for counting calls per kind. */
export const COMPLIANCE_KIND_ROWS = Prisma.sql`(VALUES ${Prisma.join(
  COMPLIANCE_KINDS.map((k) => Prisma.sql`(${k}::text, ${COMPLIANCE_BIT[k]}::int)`),
)})`;
