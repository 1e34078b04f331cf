import "server-only";
import { ActionError } from "../actions/wrapper";
import { prisma } from "../db/client";

/** Refuses to leave the console without an active admin. */
export async function assertAnotherActiveAdmin(exceptId: bigint, db: Pick<typeof prisma, "user"> = prisma): Promise<void> {
  const admins = await db.user.count({ where: { role: "admin", disabledAt: null, id: { not: exceptId } } });
  if (admins === 0) throw new ActionError("last_admin", "This is the last active admin: make someone else admin first.");
}
