import { generate } from "otplib";
import { describe, expect, it, vi } from "vitest";
import { hashPassword } from "../auth/password";
import { SESSION_COOKIE, sessionForToken, userForToken } from "../auth/sessions";
import { signIn } from "../auth/sign-in";
import { prisma } from "../db/client";

let token: string | undefined;
let demo = false;
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && token ? { name, value: token } : undefined),
    set() {},
    delete() {},
  }),
  headers: async () => new Headers(),
}));
// REQUIRE_2FA_ROLES at its default outside the demo (the other tests turn it off).
vi.mock("../env", async (original) => {
  const env = await original<typeof import("../env")>();
  return {
    ...env,
    rolesRequiring2fa: () => ["supervisor", "admin"],
    getEnv: () => ({ ...env.getEnv(), DEMO_MODE: demo }),
  };
});
const account = await import("./actions");
const users = await import("../users/actions");
const { completeSecondFactor } = await import("../auth/second-factor");

async function person(
  role: "operator" | "supervisor" | "admin",
  email = `tfa-${role}-${Math.random().toString(36).slice(2, 8)}@test.local`,
) {
  const u = await prisma.user.upsert({
    where: { email },
    update: {},
    create: { email, name: role, role, passwordHash: await hashPassword("correct horse battery") },
  });
  return u;
}
async function signedIn(email: string) {
  const r = await signIn(email, "correct horse battery", "10.3.0.1");
  if (!r.ok) throw new Error(r.message);
  return r.token;
}
/** The code an authenticator app shows now, for the secret (the same library the console verifies with). */
const codeFor = (secret: string, offsetSteps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** Enrols through the actions, as the page does; returns the secret and recovery codes. */
async function enrol(sessionToken: string) {
  token = sessionToken;
  const started = await account.startTwoFactor({});
  if (!started.ok) throw new Error(started.message);
  expect(started.data.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(started.data.uri).toContain(`secret=${started.data.secret}`);
  expect(
    await account.confirmTwoFactor({ code: "000000" === (await codeFor(started.data.secret)) ? "111111" : "000000" }),
  ).toMatchObject({ ok: false, code: "wrong_code" });
  const confirmed = await account.confirmTwoFactor({ code: await codeFor(started.data.secret) });
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { secret: started.data.secret, recoveryCodes: confirmed.data.recoveryCodes };
}

describe("two-factor sign-in", () => {
  it("a supervisor without 2FA is sent to enrolment and can do nothing else until done", async () => {
    const u = await person("supervisor");
    const t = await signedIn(u.email);
    expect(await sessionForToken(t)).toMatchObject({ step: "enrol_2fa" });
    token = t;
    expect(await account.endOtherSessions({})).toMatchObject({ ok: false, code: "unauthenticated" });
    const { recoveryCodes } = await enrol(t);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await userForToken(t)).toMatchObject({ email: u.email });
    // Stored hashed only.
    const stored = await prisma.recoveryCode.findMany({ where: { userId: u.id } });
    expect(stored.map((r) => r.codeHash).join()).not.toContain(recoveryCodes[0]!.replace(/-/g, ""));
  });

  it("asks for the code after the password; a code works once; a recovery code works once", async () => {
    const u = await person("operator");
    const { secret, recoveryCodes } = await enrol(await signedIn(u.email));

    const t1 = await signedIn(u.email);
    expect(await sessionForToken(t1)).toMatchObject({ step: "second_factor" });
    expect(await userForToken(t1)).toBeNull();
    // The code that confirmed enrolment (its time step) is not accepted again.
    const { totpLastStep } = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    const used = await generate({ secret, epoch: Number(totpLastStep) * 30 + 1 });
    expect(await completeSecondFactor(t1, u.id, u.email, used, "10.3.0.1")).toEqual({ ok: false, code: "invalid" });
    await prisma.user.update({
      where: { id: u.id },
      data: { totpLastStep: BigInt(Math.floor(Date.now() / 30_000) - 2) },
    });
    expect(await completeSecondFactor(t1, u.id, u.email, await codeFor(secret), "10.3.0.1")).toEqual({ ok: true });
    expect(await userForToken(t1)).toMatchObject({ email: u.email });

    const t2 = await signedIn(u.email);
    expect(await completeSecondFactor(t2, u.id, u.email, recoveryCodes[3]!.toLowerCase(), "10.3.0.1")).toEqual({
      ok: true,
      recoveryCodesLeft: 9,
    });
    const t3 = await signedIn(u.email);
    expect(await completeSecondFactor(t3, u.id, u.email, recoveryCodes[3]!, "10.3.0.1")).toEqual({
      ok: false,
      code: "invalid",
    });
    const actions = (await prisma.auditEvent.findMany({ where: { target: u.email }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toContain("two_factor.enable");
    expect(actions.filter((a) => a === "sign_in.second_factor")).toHaveLength(2);
  });

  it("failed codes count toward the lockout like failed passwords", async () => {
    const u = await person("operator");
    await enrol(await signedIn(u.email));
    const t = await signedIn(u.email);
    expect(await completeSecondFactor(t, u.id, u.email, "12345", "10.3.0.2")).toEqual({ ok: false, code: "invalid" });
    expect(await completeSecondFactor(t, u.id, u.email, "000001", "10.3.0.2")).toEqual({ ok: false, code: "invalid" });
    // The right password again does not clear the failed codes while the second factor is owed.
    const t2 = await signedIn(u.email);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).failedLogins).toBe(4);
    expect(await completeSecondFactor(t2, u.id, u.email, "99999", "10.3.0.2")).toMatchObject({
      ok: false,
      code: "locked",
    });
    // The lockout ends the half-signed-in session, and the password is refused until it runs out.
    expect(await sessionForToken(t2)).toBeNull();
    expect(await signIn(u.email, "correct horse battery", "10.3.0.2")).toMatchObject({ ok: false, code: "locked" });
  });

  it("an admin resets a user's 2FA (audited): sessions end and the user enrols again", async () => {
    const admin = await person("admin");
    const adminToken =
      (await enrol(await signedIn(admin.email)),
      await prisma.session.findFirstOrThrow({ where: { userId: admin.id } }),
      token!);
    const u = await person("supervisor");
    const ut = await signedIn(u.email);
    await enrol(ut);
    token = adminToken;
    expect(await users.resetTwoFactor({ userId: u.id.toString() })).toMatchObject({ ok: true });
    expect(await sessionForToken(ut)).toBeNull();
    expect(await sessionForToken(await signedIn(u.email))).toMatchObject({ step: "enrol_2fa" });
    expect(await prisma.recoveryCode.count({ where: { userId: u.id } })).toBe(0);
    expect(
      await prisma.auditEvent.findFirst({ where: { target: u.email, action: "user.two_factor_reset" } }),
    ).not.toBeNull();
  });

  it("the demo's own accounts sign in straight to the console in the demo", async () => {
    demo = true;
    try {
      const u = await person("admin", "admin@demo.local");
      expect(await sessionForToken(await signedIn(u.email))).toMatchObject({ step: null });
    } finally {
      demo = false;
    }
  });
});
