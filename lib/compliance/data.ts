import "server-only";
import { prisma } from "../db/client";

export interface FindingView {
  id: string;
  kind: string;
  code: string;
  detail: Record<string, unknown>;
}

/** A record's findings, in kind order then as found. */
export async function recordFindings(recordId: bigint): Promise<FindingView[]> {
  const rows = await prisma.complianceFinding.findMany({
    where: { recordId },
    orderBy: [{ kind: "asc" }, { id: "asc" }],
  });
  return rows.map((f) => ({
    id: f.id.toString(),
    kind: f.kind,
    code: f.code,
    detail:
      typeof f.detail === "object" && f.detail !== null && !Array.isArray(f.detail)
        ? (f.detail as Record<string, unknown>)
        : {},
  }));
}
