"use server";

import { z } from "zod";
import { ActionError, defineAction } from "../actions/wrapper";
import { orRefuse } from "../actions/refusals";
import { auditBy } from "../audit/mutations";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/password";
import { ROLES } from "../auth/permissions";
import type { SessionUser } from "../auth/sessions";
import { prisma } from "../db/client";
import { getEnv } from "../env";
import { int64IdSchema } from "../input/schema";
import { assertAnotherActiveAdmin, clearTwoFactor, createResetLink } from "./mutations";

const userId = int64IdSchema;
const noSuchUser = () => new ActionError("not_found", "No such user.");

export const createUser = defineAction({
  name: "users.create",
  permission: "users:manage",
  input: z.object({
    email: z.string().trim().toLowerCase().email("Enter an email address").max(254),
    name: z.string().trim().min(1, "Enter a name").max(100),
    role: z.enum(ROLES),
    password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
  }),
  handler: async (input, { user }) => {
    if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ActionError("exists", `${input.email} already has an account.`);
    }
    const created = await prisma.user.create({
      // The initial password is the admin's: its owner replaces it at first sign-in.
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        mustChangePassword: true,
      },
    });
    await auditBy(user, "user.create", input.email, { role: input.role });
    return { id: created.id.toString() };
  },
});

export const changeRole = defineAction({
  name: "users.changeRole",
  permission: "users:manage",
  recentAuth: true,
  input: z.object({ userId, role: z.enum(ROLES) }),
  handler: async ({ userId, role }, { user }) => {
    const target = orRefuse(await prisma.user.findUnique({ where: { id: BigInt(userId) } }), noSuchUser);
    if (target.role === "admin" && role !== "admin") await assertAnotherActiveAdmin(target.id);
    await prisma.user.update({ where: { id: target.id }, data: { role, updatedAt: new Date() } });
    await auditBy(user, "user.role_change", target.email, { from: target.role, to: role });
    return { role };
  },
});

export const setUserDisabled = defineAction({
  name: "users.setDisabled",
  permission: "users:manage",
  input: z.object({ userId, disabled: z.boolean() }),
  handler: async ({ userId, disabled }, { user }) => {
    const target = orRefuse(await prisma.user.findUnique({ where: { id: BigInt(userId) } }), noSuchUser);
    // Locking oneself out is never what an admin meant (and another admin would have to undo it).
    if (disabled && target.id === user.id)
      throw new ActionError("self", "You cannot deactivate your own account; another admin can.");
    if (disabled && target.role === "admin") await assertAnotherActiveAdmin(target.id);
    await prisma.$transaction([
      prisma.user.update({
        where: { id: target.id },
        data: {
          disabledAt: disabled ? new Date() : null,
          failedLogins: 0,
          lockedUntil: null,
          failedLoginAt: null,
          updatedAt: new Date(),
        },
      }),
      // Disabling signs the person out everywhere at once.
      ...(disabled ? [prisma.session.deleteMany({ where: { userId: target.id } })] : []),
    ]);
    await auditBy(user, disabled ? "user.disable" : "user.enable", target.email);
    return { disabled };
  },
});

async function targetUser(userId: string) {
  const target = await prisma.user.findUnique({
    where: { id: BigInt(userId) },
    select: { id: true, email: true, lockedUntil: true, totpEnabledAt: true },
  });
  return orRefuse(target, noSuchUser);
}

/**
 * An admin's action on one user account, named by `userId` (`not_found` when
 * there is none); `notSelf` refuses it on the admin's own account (code `self`,
 * with why), `recentAuth` asks for a recent sign-in as in defineAction.
 */
function defineUserAction<T>(
  spec: { name: string; recentAuth?: boolean; notSelf?: string },
  act: (target: Awaited<ReturnType<typeof targetUser>>, admin: SessionUser) => Promise<T>,
) {
  return defineAction({
    name: spec.name,
    permission: "users:manage",
    recentAuth: spec.recentAuth ?? false,
    input: z.object({ userId }),
    handler: async ({ userId }, { user }) => {
      const target = await targetUser(userId);
      if (spec.notSelf !== undefined && target.id === user.id) throw new ActionError("self", spec.notSelf);
      return act(target, user);
    },
  });
}

export const unlockUser = defineUserAction({ name: "users.unlock" }, async (target, admin) => {
  await prisma.user.update({
    where: { id: target.id },
    data: { failedLogins: 0, lockedUntil: null, failedLoginAt: null, updatedAt: new Date() },
  });
  await auditBy(admin, "user.unlock", target.email, { wasLockedUntil: target.lockedUntil?.toISOString() ?? null });
  return { unlocked: true };
});

/** Returns the set-password link's path and expiry; the page shows it to the admin once. */
export const resetPassword = defineUserAction(
  { name: "users.resetPassword", recentAuth: true, notSelf: "Change your own password on your account page." },
  async (target, admin) => {
    const { token, expiresAt } = await createResetLink(target.id);
    await auditBy(admin, "user.password_reset", target.email, { expiresAt: expiresAt.toISOString() });
    return {
      path: `/set-password?token=${token}`,
      publicUrl: getEnv().PUBLIC_URL ?? null,
      expiresAt: expiresAt.toISOString(),
    };
  },
);

export const resetTwoFactor = defineUserAction(
  { name: "users.resetTwoFactor", recentAuth: true, notSelf: "Another admin must reset your two-factor sign-in." },
  async (target, admin) => {
    await clearTwoFactor(target.id);
    await auditBy(admin, "user.two_factor_reset", target.email, { wasEnabled: target.totpEnabledAt !== null });
    return { reset: true };
  },
);

export const endUserSessions = defineUserAction({ name: "users.endSessions" }, async (target, admin) => {
  const { count } = await prisma.session.deleteMany({ where: { userId: target.id } });
  await auditBy(admin, "user.sessions_end", target.email, { ended: count });
  return { ended: count };
});
