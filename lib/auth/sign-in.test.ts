import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { hashPassword } from "./password";
import { createSession, userForToken } from "./sessions";
import { signIn } from "./sign-in";

async function user(tag: string, extra: { disabledAt?: Date } = {}) {
  const email = `sign-in-${tag}-${Math.random().toString(36).slice(2, 7)}@test.local`;
  const u = await prisma.user.create({
    data: { email, name: tag, role: "operator", passwordHash: await hashPassword("correct horse battery"), ...extra },
  });
  return { ...u, email };
}

const audit = (email: string) =>
  prisma.auditEvent
    .findMany({ where: { target: email }, orderBy: { id: "asc" }, select: { action: true } })
    .then((r) => r.map((e) => e.action));

describe("signIn", () => {
  it("signs in with the right password (case-insensitive email) and audits it", async () => {
    const u = await user("ok");
    const r = await signIn(u.email.toUpperCase(), "correct horse battery", "10.0.0.1");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await userForToken(r.token)).toMatchObject({ id: u.id, role: "operator" });
    expect(await audit(u.email)).toEqual(["sign_in.succeeded"]);
  });

  it("gives the same answer for an unknown email, a wrong password and a disabled account", async () => {
    const u = await user("wrong");
    const d = await user("disabled", { disabledAt: new Date() });
    const answers = await Promise.all([
      signIn("nobody@test.local", "x", "10.0.0.2"),
      signIn(u.email, "wrong password", "10.0.0.2"),
      signIn(d.email, "correct horse battery", "10.0.0.2"),
    ]);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ ok: false, code: "invalid", message: "The email or password is wrong." });
  });

  it("locks the account after 5 failures, even against the right password, and audits the lockout", async () => {
    const u = await user("lock");
    for (let i = 0; i < 5; i++) expect((await signIn(u.email, `guess ${i}`, "10.0.0.3")).ok).toBe(false);
    const locked = await signIn(u.email, "correct horse battery", "10.0.0.3");
    expect(locked).toMatchObject({ ok: false, code: "locked" });
    expect(await audit(u.email)).toEqual([
      "sign_in.failed",
      "sign_in.failed",
      "sign_in.failed",
      "sign_in.failed",
      "sign_in.lockout",
      "sign_in.locked",
    ]);
    await prisma.user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signIn(u.email, "correct horse battery", "10.0.0.3")).ok).toBe(true);
  });

  it("limits attempts from one address across accounts", async () => {
    const results = [];
    for (let i = 0; i < 22; i++) results.push(await signIn(`nobody${i}@test.local`, "x", "10.9.9.9"));
    expect(results.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
  }, 30_000);

  it("counts the last minute's attempts wherever they were made (a sliding window kept in the database)", async () => {
    // Twenty attempts another web instance recorded: half a minute ago they count, over a minute ago they do not.
    const seed = (address: string, secondsAgo: number) => prisma.$executeRaw`
      INSERT INTO sign_in_attempts (key, at) SELECT ${address}, now() - ${secondsAgo} * interval '1 second' FROM generate_series(1, 20)`;
    await seed("10.7.7.1", 30);
    expect(await signIn("nobody-window-1@test.local", "x", "10.7.7.1")).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
    await seed("10.7.7.2", 61);
    expect(await signIn("nobody-window-2@test.local", "x", "10.7.7.2")).toMatchObject({ ok: false, code: "invalid" });
    // Minute-old attempts are deleted as new ones come.
    expect(
      await prisma.signInAttempt.count({ where: { key: "10.7.7.2", at: { lt: new Date(Date.now() - 60_000) } } }),
    ).toBe(0);
  });

  it("counts an IPv6 client by its /64, and audits the full address", async () => {
    const results = [];
    for (let i = 0; i < 22; i++)
      results.push(await signIn(`nobody-v6-${i}@test.local`, "x", `2001:db8:77:1::${(i + 1).toString(16)}`));
    expect(results.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await signIn("nobody-v6-other@test.local", "x", "2001:db8:77:2::1")).toMatchObject({ code: "invalid" });
    const event = await prisma.auditEvent.findFirst({
      where: { target: "nobody-v6-21@test.local" },
      select: { action: true, details: true },
    });
    expect(event).toEqual({ action: "sign_in.rate_limited", details: { address: "2001:db8:77:1::16" } });
  }, 30_000);
});

describe("sessions", () => {
  it("end when they expire, when the account is disabled, and are unknown when forged", async () => {
    const u = await user("session");
    const { token } = await createSession(u.id);
    expect(await userForToken(token)).not.toBeNull();
    expect(await userForToken(token + "x")).toBeNull();
    await prisma.session.updateMany({ where: { userId: u.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await userForToken(token)).toBeNull();
    const again = await createSession(u.id);
    await prisma.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await userForToken(again.token)).toBeNull();
  });

  it("keeps only a hash of the token", async () => {
    const u = await user("hash");
    const { token } = await createSession(u.id);
    const stored = await prisma.session.findFirstOrThrow({ where: { userId: u.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(token);
  });
});

describe("audit trail", () => {
  it("refuses updates and deletes", async () => {
    const e = await prisma.auditEvent.create({ data: { action: "test.event" } });
    await expect(prisma.auditEvent.update({ where: { id: e.id }, data: { action: "changed" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEvent.deleteMany({ where: { id: e.id } })).rejects.toThrow(/append-only/);
  });
});
