/**
 * Compliance flag kinds and their bits in `call_records.compliance_flags`.
 * The bitmask keeps the kinds filterable beside the other /calls filters;
 * `compliance_findings` keeps each finding's details.
 */
export const COMPLIANCE_KINDS = ["hours", "frequency", "anomaly", "phrase"] as const;

export type ComplianceKind = (typeof COMPLIANCE_KINDS)[number];

export const COMPLIANCE_BIT: Readonly<Record<ComplianceKind, number>> = {
  hours: 1,
  frequency: 2,
  anomaly: 4,
  phrase: 8,
};

/** The bitmask of a set of kinds. */
export function complianceMask(kinds: Iterable<ComplianceKind>): number {
  let mask = 0;
  for (const kind of kinds) mask |= COMPLIANCE_BIT[kind];
  return mask;
}

/** The kinds a bitmask holds, in their fixed order. */
export function complianceKinds(mask: number): ComplianceKind[] {
  return COMPLIANCE_KINDS.filter((kind) => (mask & COMPLIANCE_BIT[kind]) !== 0);
}
