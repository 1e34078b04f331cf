import { describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE, userForToken } from "../auth/sessions";
import { sessionFor } from "../auth/test-session";
import { prisma } from "../db/client";

let token: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));
const { changeRole, createUser, setUserDisabled } = await import("./actions");
const { assertAnotherActiveAdmin } = await import("./mutations");

describe("user administration", () => {
  it("creates users, audits role changes, and signs a disabled user out everywhere", async () => {
    const admin = await sessionFor("admin");
    token = admin.token;
    const email = `new-${Date.now()}@test.local`;
    const created = await createUser({
      email: email.toUpperCase(),
      name: "New person",
      role: "operator",
      password: "long enough pw",
    });
    expect(created.ok).toBe(true);
    expect(await createUser({ email, name: "Again", role: "operator", password: "long enough pw" })).toMatchObject({
      ok: false,
      code: "exists",
    });
    const id = created.ok ? created.data.id : "";
    expect(await changeRole({ userId: id, role: "supervisor" })).toEqual({ ok: true, data: { role: "supervisor" } });
    expect(await prisma.auditEvent.findFirst({ where: { target: email, action: "user.role_change" } })).toMatchObject({
      details: { from: "operator", to: "supervisor" },
    });

    const victim = await sessionFor("reviewer");
    expect(await userForToken(victim.token)).not.toBeNull();
    expect(await setUserDisabled({ userId: victim.userId.toString(), disabled: true })).toMatchObject({ ok: true });
    expect(await userForToken(victim.token)).toBeNull();
  });

  it("never leaves the console without an active admin", async () => {
    const admin = await sessionFor("admin");
    token = admin.token;
    // Other admins exist in this shared database: demoting this one is fine…
    await expect(assertAnotherActiveAdmin(admin.userId)).resolves.toBeUndefined();
    // …but not once it is the last. Checked inside a transaction that is rolled back,
    // so other tests never see the admins disabled.
    const rollback = new Error("rollback");
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.user.updateMany({
          where: { role: "admin", id: { not: admin.userId } },
          data: { disabledAt: new Date() },
        });
        await expect(assertAnotherActiveAdmin(admin.userId, tx)).rejects.toMatchObject({ code: "last_admin" });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await prisma.user.count({ where: { role: "admin", disabledAt: null } })).toBeGreaterThan(1);
  });

  it("refuses an admin's deactivation of their own account", async () => {
    const admin = await sessionFor("admin");
    token = admin.token;
    expect(await setUserDisabled({ userId: admin.userId.toString(), disabled: true })).toMatchObject({
      ok: false,
      code: "self",
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).toMatchObject({ disabledAt: null });
    expect(await userForToken(admin.token)).not.toBeNull();
  });
});
