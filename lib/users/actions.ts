"use server";

import { z } from "zod";
import { ActionError, defineAction } from "../actions/wrapper";
import { recordAudit } from "../audit/mutations";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/password";
import { ROLES } from "../auth/permissions";
import { prisma } from "../db/client";
import { assertAnotherActiveAdmin } from "./mutations";
import { int64IdSchema } from "../input/schema";

const userId = int64IdSchema;

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
      data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
    });
    await recordAudit({ actor: user, action: "user.create", target: input.email, details: { role: input.role } });
    return { id: created.id.toString() };
  },
});

export const changeRole = defineAction({
  name: "users.changeRole",
  permission: "users:manage",
  input: z.object({ userId, role: z.enum(ROLES) }),
  handler: async ({ userId, role }, { user }) => {
    const target = await prisma.user.findUnique({ where: { id: BigInt(userId) } });
    if (!target) throw new ActionError("not_found", "No such user.");
    if (target.role === "admin" && role !== "admin") await assertAnotherActiveAdmin(target.id);
    await prisma.user.update({ where: { id: target.id }, data: { role, updatedAt: new Date() } });
    await recordAudit({ actor: user, action: "user.role_change", target: target.email, details: { from: target.role, to: role } });
    return { role };
  },
});

export const setUserDisabled = defineAction({
  name: "users.setDisabled",
  permission: "users:manage",
  input: z.object({ userId, disabled: z.boolean() }),
  handler: async ({ userId, disabled }, { user }) => {
    const target = await prisma.user.findUnique({ where: { id: BigInt(userId) } });
    if (!target) throw new ActionError("not_found", "No such user.");
    if (disabled && target.role === "admin") await assertAnotherActiveAdmin(target.id);
    await prisma.$transaction([
      prisma.user.update({ where: { id: target.id }, data: { disabledAt: disabled ? new Date() : null, failedLogins: 0, lockedUntil: null, failedLoginAt: null, updatedAt: new Date() } }),
      // Disabling signs the person out everywhere at once.
      ...(disabled ? [prisma.session.deleteMany({ where: { userId: target.id } })] : []),
    ]);
    await recordAudit({ actor: user, action: disabled ? "user.disable" : "user.enable", target: target.email });
    return { disabled };
  },
});
