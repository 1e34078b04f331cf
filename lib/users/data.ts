import "server-only";
import { prisma } from "../db/client";
import { USER_IDENTITY_SELECT } from "./identity-select";

export async function listUsers() {
  return prisma.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: {
      ...USER_IDENTITY_SELECT,
      lockedUntil: true,
      createdAt: true,
      totpEnabledAt: true,
      mustChangePassword: true,
      // What disabling someone ends, said in its confirmation.
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
}

/** A user's display name (for "reviewed by"), or null. */
export async function userName(id: bigint): Promise<string | null> {
  return (await prisma.user.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}
