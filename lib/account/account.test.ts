import { describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "../auth/password";
import { SESSION_COOKIE, createSession, sessionForToken, userForToken } from "../auth/sessions";
import { signIn } from "../auth/sign-in";
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
const account = await import("./actions");
const users = await import("../users/actions");
const { setPasswordWithLink, resetLinkAccount } = await import("../auth/reset-link");

const audit = (email: string) =>
  prisma.auditEvent
    .findMany({ where: { target: email }, orderBy: { id: "asc" }, select: { action: true } })
    .then((r) => r.map((e) => e.action));
const tokenOf = (path: string) => new URL(path, "http://x").searchParams.get("token")!;

describe("changing my own password", () => {
  it("needs the current password, applies the strength rules, and ends my other sessions", async () => {
    const me = await sessionFor("operator");
    const other = await createSession(me.userId);
    token = me.token;
    expect(await account.changePassword({ current: "wrong one", next: "a much better secret" })).toMatchObject({
      ok: false,
      code: "wrong_password",
    });
    expect(await account.changePassword({ current: "correct horse battery", next: "short" })).toMatchObject({
      ok: false,
      code: "password_too_short",
    });
    expect(await account.changePassword({ current: "correct horse battery", next: "aaaaaaaaaaaaaa" })).toMatchObject({
      ok: false,
      code: "password_too_simple",
    });
    expect(await account.changePassword({ current: "correct horse battery", next: "password123" })).toMatchObject({
      ok: false,
      code: "password_common",
    });
    expect(
      await account.changePassword({ current: "correct horse battery", next: `${me.email.split("@")[0]}!2026` }),
    ).toMatchObject({ ok: false, code: "password_personal" });
    expect(
      await account.changePassword({ current: "correct horse battery", next: "correct horse battery" }),
    ).toMatchObject({ ok: false, code: "password_same" });
    expect(await account.changePassword({ current: "correct horse battery", next: "a much better secret" })).toEqual({
      ok: true,
      data: { sessionsEnded: 1 },
    });
    expect(await userForToken(other.token)).toBeNull();
    expect(await userForToken(me.token)).not.toBeNull();
    expect((await signIn(me.email, "a much better secret", "10.1.0.1")).ok).toBe(true);
    expect(await audit(me.email)).toEqual(["password.change_failed", "password.change", "sign_in.succeeded"]);
  });
});

describe("accounts an admin creates or resets", () => {
  it("must choose their own password at first sign-in before anything else", async () => {
    const admin = await sessionFor("admin");
    token = admin.token;
    const email = `first-${Date.now()}@test.local`;
    expect(
      await users.createUser({ email, name: "First Person", role: "operator", password: "initial password 1" }),
    ).toMatchObject({ ok: true });
    const signedIn = await signIn(email, "initial password 1", "10.1.0.2");
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect(await sessionForToken(signedIn.token)).toMatchObject({ step: "change_password" });
    expect(await userForToken(signedIn.token)).toBeNull();
    token = signedIn.token;
    // Nothing else works at this step…
    expect(await account.changePassword({ current: "initial password 1", next: "my own password 9" })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    // …but choosing the password does, and then the session is a full one.
    expect(await account.setFirstPassword({ next: "initial password 1" })).toMatchObject({
      ok: false,
      code: "password_same",
    });
    expect(await account.setFirstPassword({ next: "my own password 9" })).toMatchObject({ ok: true });
    expect(await userForToken(signedIn.token)).toMatchObject({ email });
    expect(await account.setFirstPassword({ next: "another password 8" })).toMatchObject({
      ok: false,
      code: "not_needed",
    });
  });

  it("reset: the old password stops working, sessions end, and the one-time link sets a new one", async () => {
    const admin = await sessionFor("admin");
    const victim = await sessionFor("reviewer");
    token = admin.token;
    const reset = await users.resetPassword({ userId: victim.userId.toString() });
    if (!reset.ok) throw new Error(reset.message);
    expect(reset.data.path).toMatch(/^\/set-password\?token=[\w-]{43}$/);
    expect(await userForToken(victim.token)).toBeNull();
    expect((await signIn(victim.email, "correct horse battery", "10.1.0.3")).ok).toBe(false);
    const link = tokenOf(reset.data.path);
    expect(await resetLinkAccount(link)).toMatchObject({ email: victim.email });
    expect(await setPasswordWithLink(link, "short", "10.1.0.3")).toEqual({ ok: false, code: "password_too_short" });
    expect(await setPasswordWithLink(link, "a fresh start 42", "10.1.0.3")).toEqual({ ok: true, email: victim.email });
    expect(await setPasswordWithLink(link, "a second try 42", "10.1.0.3")).toEqual({ ok: false, code: "link_invalid" });
    const after = await signIn(victim.email, "a fresh start 42", "10.1.0.3");
    expect(after.ok && (await userForToken(after.token))).toMatchObject({ email: victim.email });
    expect(await audit(victim.email)).toEqual([
      "user.password_reset",
      "sign_in.failed",
      "password.reset_link_used",
      "sign_in.succeeded",
    ]);
  });

  it("an expired link does nothing", async () => {
    const admin = await sessionFor("admin");
    const victim = await sessionFor("operator");
    token = admin.token;
    const reset = await users.resetPassword({ userId: victim.userId.toString() });
    if (!reset.ok) throw new Error(reset.message);
    await prisma.user.update({ where: { id: victim.userId }, data: { resetExpiresAt: new Date(Date.now() - 1000) } });
    expect(await setPasswordWithLink(tokenOf(reset.data.path), "a fresh start 42", "10.1.0.4")).toEqual({
      ok: false,
      code: "link_invalid",
    });
  });

  it("unlock: a locked account signs in again at once, audited", async () => {
    const admin = await sessionFor("admin");
    const u = await prisma.user.create({
      data: {
        email: `locked-${Date.now()}@test.local`,
        name: "L",
        role: "operator",
        passwordHash: await hashPassword("correct horse battery"),
        failedLogins: 5,
        failedLoginAt: new Date(),
        lockedUntil: new Date(Date.now() + 3600_000),
      },
    });
    expect(await signIn(u.email, "correct horse battery", "10.1.0.5")).toMatchObject({ ok: false, code: "locked" });
    token = admin.token;
    expect(await users.unlockUser({ userId: u.id.toString() })).toMatchObject({ ok: true });
    expect((await signIn(u.email, "correct horse battery", "10.1.0.5")).ok).toBe(true);
    expect(await audit(u.email)).toContain("user.unlock");
  });

  it("ending all of a user's sessions signs them out everywhere", async () => {
    const admin = await sessionFor("admin");
    const victim = await sessionFor("operator");
    token = admin.token;
    expect(await users.endUserSessions({ userId: victim.userId.toString() })).toEqual({ ok: true, data: { ended: 1 } });
    expect(await userForToken(victim.token)).toBeNull();
  });
});

describe("my sessions", () => {
  it("ends one or all of my other sessions, never someone else's", async () => {
    const me = await sessionFor("operator");
    const a = await createSession(me.userId, { address: "10.2.0.1", userAgent: "Firefox" });
    const b = await createSession(me.userId);
    const stranger = await sessionFor("operator");
    const strangerSession = await prisma.session.findFirstOrThrow({ where: { userId: stranger.userId } });
    token = me.token;
    expect(await account.endSession({ sessionId: strangerSession.id.toString() })).toEqual({
      ok: true,
      data: { ended: 0 },
    });
    expect(await userForToken(stranger.token)).not.toBeNull();
    const aRow = await prisma.session.findFirstOrThrow({ where: { userId: me.userId, userAgent: "Firefox" } });
    expect(aRow.address).toBe("10.2.0.1");
    expect(await account.endSession({ sessionId: aRow.id.toString() })).toEqual({ ok: true, data: { ended: 1 } });
    expect(await userForToken(a.token)).toBeNull();
    expect(await userForToken(b.token)).not.toBeNull();
    expect(await account.endOtherSessions({})).toEqual({ ok: true, data: { ended: 1 } });
    expect(await userForToken(b.token)).toBeNull();
    expect(await userForToken(me.token)).not.toBeNull();
  });

  it("expire after inactivity, and sensitive actions ask again for a proof when the last one is old", async () => {
    const me = await sessionFor("admin");
    await prisma.session.updateMany({
      where: { userId: me.userId },
      data: { lastSeenAt: new Date(Date.now() - 61 * 60_000) },
    });
    expect(await userForToken(me.token)).toBeNull();

    const admin = await sessionFor("admin");
    const target = await sessionFor("operator");
    token = admin.token;
    await prisma.session.updateMany({
      where: { userId: admin.userId },
      data: { authenticatedAt: new Date(Date.now() - 16 * 60_000) },
    });
    expect(await users.changeRole({ userId: target.userId.toString(), role: "reviewer" })).toMatchObject({
      ok: false,
      code: "reauth_required",
    });
    expect(await account.confirmIdentity({ secret: "not my password" })).toMatchObject({
      ok: false,
      code: "wrong_password",
    });
    expect(await account.confirmIdentity({ secret: "correct horse battery" })).toEqual({
      ok: true,
      data: { confirmed: true },
    });
    expect(await users.changeRole({ userId: target.userId.toString(), role: "reviewer" })).toMatchObject({ ok: true });
    expect(
      await verifyPassword(
        (await prisma.user.findUniqueOrThrow({ where: { id: admin.userId } })).passwordHash,
        "correct horse battery",
      ),
    ).toBe(true);
  });
});
