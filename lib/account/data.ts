import "server-only";
import { prisma } from "../db/client";
import { getEnv } from "../env";

/** What the account page shows about the second factor. */
export async function twoFactorStatus(userId: bigint): Promise<{ enabledAt: Date | null; recoveryCodesLeft: number }> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  return { enabledAt: user.totpEnabledAt, recoveryCodesLeft: user._count.recoveryCodes };
}

/** The account's live sessions, most recently used first. */
export async function listOwnSessions(userId: bigint) {
  const idleMinutes = getEnv().SESSION_IDLE_MINUTES;
  const now = Date.now();
  return prisma.session.findMany({
    where: {
      userId,
      expiresAt: { gt: new Date(now) },
      ...(idleMinutes > 0 ? { lastSeenAt: { gt: new Date(now - idleMinutes * 60_000) } } : {}),
      pendingSecondFactor: false,
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, address: true, userAgent: true },
    take: 100,
  });
}
