import { describe, expect, it } from "vitest";

// Password sign-in switched off for everyone but the break-glass admin (set before the settings are first read).
process.env.PASSWORD_SIGN_IN = "off";
process.env.BREAK_GLASS_EMAIL = "Break-Glass@Test.Local";

const { prisma } = await import("../../db/client");
const { hashPassword } = await import("../password");
const { signIn } = await import("../sign-in");

describe("PASSWORD_SIGN_IN=off", () => {
  it("refuses a password sign-in, even with the right password, except for BREAK_GLASS_EMAIL", async () => {
    const passwordHash = await hashPassword("correct horse battery");
    const tag = Math.random().toString(36).slice(2, 7);
    const other = await prisma.user.create({
      data: { email: `someone-${tag}@test.local`, name: "x", role: "admin", passwordHash },
    });
    await prisma.user.deleteMany({ where: { email: "break-glass@test.local" } });
    await prisma.user.create({ data: { email: "break-glass@test.local", name: "bg", role: "admin", passwordHash } });
    expect(await signIn(other.email, "correct horse battery", "10.9.0.1")).toMatchObject({
      ok: false,
      code: "password_off",
    });
    expect(await signIn("nobody@test.local", "x", "10.9.0.1")).toMatchObject({ ok: false, code: "password_off" });
    expect(await signIn("BREAK-GLASS@test.local", "correct horse battery", "10.9.0.1")).toMatchObject({ ok: true });
  });
});
