import "server-only";
import { prisma } from "../db/client";

export async function listUsers() {
  return prisma.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, lockedUntil: true, createdAt: true },
  });
}
