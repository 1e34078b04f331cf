import "server-only";
import { Prisma, prisma } from "../db/client";
import type { RuleInput, RulePatch } from "./schema";

/**
 * Writes of the rules. Each takes the acting user: a rule's batches are
 * attributed to whoever last changed it.
 */

export interface Actor {
  id: bigint;
  email: string;
}

export class RuleNameTaken extends Error {}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

export async function createRule(input: RuleInput, actor: Actor) {
  try {
    return await prisma.reportingRule.create({
      data: {
        name: input.name,
        filter: input.filter,
        settleSeconds: input.settleSeconds,
        dailyCap: input.dailyCap,
        enabled: input.enabled,
        updatedById: actor.id,
        updatedBy: actor.email,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new RuleNameTaken(input.name);
    throw err;
  }
}

/**
 * Changes a rule. A new filter starts the rule's walk over (records it had
 * passed may match now; what TOP holds or a queue has is still held back).
 * Enabling a paused rule resumes it, and its breaker counts afresh.
 */
export async function updateRule(id: bigint, patch: RulePatch, actor: Actor) {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.reportingRule.findUnique({ where: { id } });
      if (!before) return null;
      const refiltered = patch.filter !== undefined && patch.filter !== before.filter;
      const resumed = patch.enabled === true && (before.pausedKind === "rejections" || !before.enabled);
      const after = await tx.reportingRule.update({
        where: { id },
        data: {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.filter !== undefined ? { filter: patch.filter } : {}),
          ...(patch.settleSeconds !== undefined ? { settleSeconds: patch.settleSeconds } : {}),
          ...(patch.dailyCap !== undefined ? { dailyCap: patch.dailyCap } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          ...(refiltered ? { cursorUpdatedAt: null, cursorId: 0n } : {}),
          ...(resumed && before.pausedKind === "rejections"
            ? { pausedKind: null, pausedReason: null, pausedAt: null }
            : {}),
          ...(resumed ? { breakerSince: new Date() } : {}),
          updatedAt: new Date(),
          updatedById: actor.id,
          updatedBy: actor.email,
        },
      });
      return { before, after };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new RuleNameTaken(patch.name ?? "");
    throw err;
  }
}

/** Deletes a rule; its batches stay on /submissions (no longer attributed to a rule). */
export async function deleteRule(id: bigint) {
  return prisma.reportingRule.delete({ where: { id } }).catch((err: unknown) => {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025") return null;
    throw err;
  });
}
